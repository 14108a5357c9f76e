/* nichiro-citation.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nichiro-dataset.h"
#include "nichiro-entry.h"

G_BEGIN_DECLS

/**
 * NichiroCitationStyle:
 * @NICHIRO_CITATION_CHICAGO: a Chicago note: the entry, its source, and
 *   Nichiro's dataset it was read in
 * @NICHIRO_CITATION_APA: an APA 7 reference to the source, a page without
 *   author or date, retrieved on a day
 * @NICHIRO_CITATION_BIBTEX: a BibTeX `@misc` record of the source, the
 *   entry in its note
 */
typedef enum
{
  NICHIRO_CITATION_CHICAGO,
  NICHIRO_CITATION_APA,
  NICHIRO_CITATION_BIBTEX,
} NichiroCitationStyle;

gboolean  nichiro_citation_style_from_name (const char           *name,
                                            NichiroCitationStyle *style);
char     *nichiro_citation_format          (NichiroDataset       *dataset,
                                            NichiroEntry         *entry,
                                            guint                 source,
                                            NichiroCitationStyle  style,
                                            GDateTime            *accessed);

G_END_DECLS
