/* nichiro-anki.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-card-set.h"

G_BEGIN_DECLS

char     *nichiro_anki_export_text (GPtrArray        *cards,
                                    NichiroLanguage   language,
                                    const char       *deck,
                                    const char       *guid_prefix);
gboolean  nichiro_anki_export_file (GPtrArray        *cards,
                                    NichiroLanguage   language,
                                    const char       *deck,
                                    const char       *guid_prefix,
                                    GFile            *file,
                                    GCancellable     *cancellable,
                                    GError          **error);

G_END_DECLS
