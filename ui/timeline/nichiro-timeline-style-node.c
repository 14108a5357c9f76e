/* nichiro-timeline-style-node.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-style-node"

#include "config.h"

#include "nichiro-timeline-style-node.h"

/* A node that is never shown, only styled. The canvas makes one for each
 * part it draws (a kind of entry, an era, the axis, the cursor…), each with
 * its own CSS name and class, and reads its colour and fonts from it: so
 * style.css styles what the canvas draws as it styles any widget, and dark
 * and high-contrast styles apply for free. Set the name and classes with
 * the "css-name" and "css-classes" properties. */

struct _NichiroTimelineStyleNode
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (NichiroTimelineStyleNode, nichiro_timeline_style_node, GTK_TYPE_WIDGET)

static void
nichiro_timeline_style_node_class_init (NichiroTimelineStyleNodeClass *klass)
{
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_NONE);
}

static void
nichiro_timeline_style_node_init (NichiroTimelineStyleNode *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}
