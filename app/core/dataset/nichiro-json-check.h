/* nichiro-json-check.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Nesting deeper than this is refused before the JSON parser sees it: no
 * dataset needs it, and it keeps every recursive walk bounded. */
#define NICHIRO_JSON_MAX_DEPTH 64

typedef struct _NichiroJsonChecker NichiroJsonChecker;

gboolean            nichiro_json_prescan                (const char          *text,
                                                         gsize                length,
                                                         const char          *display_name,
                                                         GError             **error);
void                nichiro_json_offset_to_position     (const char          *text,
                                                         gsize                offset,
                                                         guint               *out_line,
                                                         guint               *out_column);
gboolean            nichiro_json_locate                 (const char          *text,
                                                         gsize                length,
                                                         const char          *path,
                                                         guint               *out_line,
                                                         guint               *out_column);

NichiroJsonChecker *nichiro_json_checker_new            (guint                max_problems);
void                nichiro_json_checker_free           (NichiroJsonChecker  *self);
void                nichiro_json_checker_push_member    (NichiroJsonChecker  *self,
                                                         const char          *member);
void                nichiro_json_checker_push_index     (NichiroJsonChecker  *self,
                                                         guint                index);
void                nichiro_json_checker_pop            (NichiroJsonChecker  *self);
char               *nichiro_json_checker_dup_path       (NichiroJsonChecker  *self);
void                nichiro_json_checker_add            (NichiroJsonChecker  *self,
                                                         const char          *format,
                                                         ...) G_GNUC_PRINTF (2, 3);
guint               nichiro_json_checker_get_n_problems (NichiroJsonChecker  *self);
gboolean            nichiro_json_checker_report         (NichiroJsonChecker  *self,
                                                         const char          *display_name,
                                                         const char          *text,
                                                         gsize                length,
                                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroJsonChecker, nichiro_json_checker_free)

G_END_DECLS
