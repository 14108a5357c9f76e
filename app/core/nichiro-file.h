/* nichiro-file.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean nichiro_file_read       (const char  *path,
                                  gsize        max_size,
                                  char       **out_contents,
                                  gsize       *out_length,
                                  GError     **error);
gboolean nichiro_file_load       (GFile       *file,
                                  gsize        max_size,
                                  char       **out_contents,
                                  gsize       *out_length,
                                  GError     **error);
char    *nichiro_file_resolve    (const char  *path);

G_END_DECLS
