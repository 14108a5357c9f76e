/* nichiro-timeline-canvas-style.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include "nichiro-timeline-canvas-private.h"
#include "nichiro-timeline-style-node.h"

/* Where the canvas's colours come from: a NichiroTimelineStyleNode for
 * each part it draws, named and classed so that style.css can colour it
 * from libadwaita's named colours, read again before each frame. Dark,
 * high-contrast and accent colours follow without code. */

/* The nodes the canvas takes its colours and fonts from; style.css sets
 * them from libadwaita's named colours. */
static const struct
{
  const char *css_name;
  const char *css_class;
} part_nodes[N_PARTS] = {
  [PART_INSTRUMENT] = { "instrument", NULL },
  [PART_CONFLICT] = { "conflict", NULL },
  [PART_MEETING] = { "meeting", NULL },
  [PART_INCIDENT] = { "incident", NULL },
  [PART_EVENT] = { "event", NULL },
  [PART_ERA_WAR] = { "era", "war" },
  [PART_ERA_REVOLUTION] = { "era", "revolution" },
  [PART_ERA_INTERVENTION] = { "era", "intervention" },
  [PART_ERA_OCCUPATION] = { "era", "occupation" },
  [PART_ERA_PERIOD] = { "era", "period" },
  [PART_ERA_LABEL] = { "era-label", NULL },
  [PART_ERA_EDGE] = { "era-edge", NULL },
  [PART_GROUP_HEADER] = { "group-header", NULL },
  [PART_AXIS] = { "axis", NULL },
  [PART_AXIS_CONTEXT] = { "axis-context", NULL },
  [PART_GRID] = { "grid", NULL },
  [PART_SELECTED] = { "selected", NULL },
  [PART_SELECTED_TEXT] = { "selected-text", NULL },
  [PART_MATCH] = { "match", NULL },
  [PART_HOVER] = { "hover", NULL },
  [PART_CLUSTER] = { "cluster", NULL },
  [PART_CURSOR] = { "cursor", NULL },
  [PART_FOCUS] = { "focus-ring", NULL },
  [PART_BACKGROUND] = { "background", NULL },
};

void
_nichiro_timeline_canvas_read_colors (NichiroTimelineCanvas *self)
{
  for (guint i = 0; i < N_PARTS; i++)
    {
#if GTK_CHECK_VERSION (4, 10, 0)
      gtk_widget_get_color (self->parts[i], &self->colors[i]);
#else
      gtk_style_context_get_color (gtk_widget_get_style_context (self->parts[i]), &self->colors[i]);
#endif
    }

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), &self->foreground);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &self->foreground);
#endif
}

/* A child node for each part, named and classed for style.css. */
void
_nichiro_timeline_canvas_init_style (NichiroTimelineCanvas *self)
{
  for (guint i = 0; i < N_PARTS; i++)
    {
      const char *classes[] = { part_nodes[i].css_class, NULL };

      self->parts[i] = g_object_new (NICHIRO_TYPE_TIMELINE_STYLE_NODE,
                                     "css-name", part_nodes[i].css_name,
                                     "css-classes", part_nodes[i].css_class ? classes : NULL,
                                     NULL);
      gtk_widget_set_parent (self->parts[i], GTK_WIDGET (self));
      /* Styled, never allocated or drawn. */
      gtk_widget_set_child_visible (self->parts[i], FALSE);
    }
}
