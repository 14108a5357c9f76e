/* nichiro-timeline-style-node.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NICHIRO_TYPE_TIMELINE_STYLE_NODE (nichiro_timeline_style_node_get_type ())

G_DECLARE_FINAL_TYPE (NichiroTimelineStyleNode, nichiro_timeline_style_node, NICHIRO, TIMELINE_STYLE_NODE, GtkWidget)

G_END_DECLS
