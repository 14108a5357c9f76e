/* nichiro-study-export.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-dataset.h"
#include "nichiro-study-store.h"

G_BEGIN_DECLS

/**
 * NichiroExportFormat:
 * @NICHIRO_EXPORT_MARKDOWN: the notes as Markdown, to read, print or hand in
 * @NICHIRO_EXPORT_BACKUP: a JSON backup in the study file's format, which
 *   Import restores
 */
typedef enum
{
  NICHIRO_EXPORT_MARKDOWN,
  NICHIRO_EXPORT_BACKUP,
} NichiroExportFormat;

char     *nichiro_study_export_markdown         (NichiroStudyStore             *store,
                                                 NichiroDataset                *dataset);
char     *nichiro_study_export_json             (NichiroStudyStore             *store,
                                                 NichiroDataset                *dataset);
GFile    *nichiro_export_format_fix_name        (NichiroExportFormat            format,
                                                 GFile                         *file);
gboolean  nichiro_study_export_file             (NichiroStudyStore             *store,
                                                 NichiroDataset                *dataset,
                                                 NichiroExportFormat            format,
                                                 GFile                         *file,
                                                 GError                       **error);
gboolean  nichiro_study_import_json             (NichiroStudyStore             *store,
                                                 const char                    *text,
                                                 gsize                          length,
                                                 const char                    *display_name,
                                                 NichiroStudyMergeCounts       *counts,
                                                 GError                       **error);
gboolean  nichiro_study_import_file             (NichiroStudyStore             *store,
                                                 GFile                         *file,
                                                 NichiroStudyMergeCounts       *counts,
                                                 GError                       **error);
char     *nichiro_study_merge_counts_to_string  (const NichiroStudyMergeCounts *counts);

G_END_DECLS
