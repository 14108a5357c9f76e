/* nichiro-map-style-node.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map-style-node"

#include "config.h"

#include "nichiro-map-style-node.h"

/* A node that is never shown, only styled: the map's canvas and its
 * swatches make one for each colour they paint with (the sea, the land,
 * each side of the frontier…), named for style.css, and read their colour
 * from it. Dark and high-contrast styles reach the map that way. The
 * timeline has the same idea in NichiroTimelineStyleNode; the map keeps
 * its own so that neither widget depends on the other. */

struct _NichiroMapStyleNode
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (NichiroMapStyleNode, nichiro_map_style_node, GTK_TYPE_WIDGET)

static void
nichiro_map_style_node_class_init (NichiroMapStyleNodeClass *klass)
{
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_NONE);
}

static void
nichiro_map_style_node_init (NichiroMapStyleNode *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}
