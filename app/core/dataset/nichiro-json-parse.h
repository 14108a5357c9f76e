/* nichiro-json-parse.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonNode *nichiro_json_parse (const char  *text,
                              gsize        length,
                              const char  *display_name,
                              GError     **error);

G_END_DECLS
