/* nichiro-map-style-node.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NICHIRO_TYPE_MAP_STYLE_NODE (nichiro_map_style_node_get_type ())

G_DECLARE_FINAL_TYPE (NichiroMapStyleNode, nichiro_map_style_node, NICHIRO, MAP_STYLE_NODE, GtkWidget)

G_END_DECLS
