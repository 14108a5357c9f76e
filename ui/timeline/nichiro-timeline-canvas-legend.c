/* nichiro-timeline-canvas-legend.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-timeline-canvas-private.h"

/* The legend: every mark the canvas draws (NichiroTimelineMark), drawn as
 * the canvas draws it, in its colours, beside what it means, in sections.
 * It is a list a screen reader reads row by row. The composite shows it in
 * a popover, made the first time it is opened; the samples are drawn then,
 * in the colours of the moment. */

#define SAMPLE_WIDTH 40
#define SAMPLE_HEIGHT 20

typedef struct
{
  NichiroTimelineMark mark;
  const char *text;
} LegendRow;

typedef struct
{
  const char *heading;
  const LegendRow *rows;
  guint n_rows;
} LegendSection;

static const LegendRow kinds[] = {
  { NICHIRO_TIMELINE_MARK_INSTRUMENT, N_("Treaty, agreement, convention, protocol, declaration or pact (diamond)") },
  { NICHIRO_TIMELINE_MARK_CONFLICT, N_("War or battle (triangle)") },
  { NICHIRO_TIMELINE_MARK_MEETING, N_("Conference or mission (circle)") },
  { NICHIRO_TIMELINE_MARK_INCIDENT, N_("Incident (circle)") },
  { NICHIRO_TIMELINE_MARK_EVENT, N_("Other event (circle)") },
  { NICHIRO_TIMELINE_MARK_RANGE, N_("Something that lasted: a bar from its first day to its last") },
};

static const LegendRow lives[] = {
  { NICHIRO_TIMELINE_MARK_SIGNED, N_("Signed, not yet in force (thin line)") },
  { NICHIRO_TIMELINE_MARK_IN_FORCE, N_("In force (thick line)") },
  { NICHIRO_TIMELINE_MARK_STAGE, N_("Ratified, or ratifications exchanged (tick)") },
  { NICHIRO_TIMELINE_MARK_NOTICE, N_("In force after notice to end it was given (faded line)") },
  { NICHIRO_TIMELINE_MARK_ENDED, N_("Ended (bar)") },
  { NICHIRO_TIMELINE_MARK_OPEN, N_("Still in force, no end recorded (fading line)") },
};

static const LegendRow highlights[] = {
  { NICHIRO_TIMELINE_MARK_SELECTED, N_("The selected entry") },
  { NICHIRO_TIMELINE_MARK_MATCH, N_("Matches the search") },
  { NICHIRO_TIMELINE_MARK_DIMMED, N_("Does not match the search (pale)") },
  { NICHIRO_TIMELINE_MARK_CLUSTER, N_("Entries too close together to draw apart: click to list them") },
  { NICHIRO_TIMELINE_MARK_CURSOR, N_("The date cursor: what was in force that day is listed under the timeline") },
};

static const LegendRow eras[] = {
  { NICHIRO_TIMELINE_MARK_ERA_WAR, N_("A war") },
  { NICHIRO_TIMELINE_MARK_ERA_REVOLUTION, N_("A revolution") },
  { NICHIRO_TIMELINE_MARK_ERA_INTERVENTION, N_("An intervention") },
  { NICHIRO_TIMELINE_MARK_ERA_OCCUPATION, N_("An occupation") },
  { NICHIRO_TIMELINE_MARK_ERA_PERIOD, N_("Another period") },
};

static const LegendSection sections[] = {
  { N_("Kinds of Entry"), kinds, G_N_ELEMENTS (kinds) },
  { N_("The Life of a Treaty"), lives, G_N_ELEMENTS (lives) },
  { N_("Highlights"), highlights, G_N_ELEMENTS (highlights) },
  { N_("Era Bands, Named Above the Lanes"), eras, G_N_ELEMENTS (eras) },
};

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

/* A lifecycle of one stage or another across the sample. */
static void
draw_life (NichiroTimelineCanvas *self,
           GtkSnapshot           *snapshot,
           NichiroTimelineMark    mark,
           double                 width,
           double                 height)
{
  const GdkRGBA *color = &self->colors[PART_INSTRUMENT];
  GdkRGBA thin = with_alpha (color, 0.6);
  GdkRGBA faded = with_alpha (color, 0.4);
  double y = round (height / 2);

  switch (mark)
    {
    case NICHIRO_TIMELINE_MARK_SIGNED:
      _nichiro_timeline_canvas_fill_rect (self, snapshot, &thin, 2, y, width - 4, 1);
      break;

    case NICHIRO_TIMELINE_MARK_IN_FORCE:
      _nichiro_timeline_canvas_fill_rect (self, snapshot, color, 2, y - 1, width - 4, 3);
      break;

    case NICHIRO_TIMELINE_MARK_STAGE:
      _nichiro_timeline_canvas_fill_rect (self, snapshot, &thin, 2, y, width - 4, 1);
      _nichiro_timeline_canvas_fill_rect (self, snapshot, color, width / 2 - 0.5, y - 1, 1, 5);
      break;

    case NICHIRO_TIMELINE_MARK_NOTICE:
      _nichiro_timeline_canvas_fill_rect (self, snapshot, color, 2, y - 1, width / 2 - 2, 3);
      _nichiro_timeline_canvas_fill_rect (self, snapshot, color, width / 2 - 0.5, y - 1, 1, 5);
      _nichiro_timeline_canvas_fill_rect (self, snapshot, &faded, width / 2, y - 1, width / 2 - 2, 3);
      break;

    case NICHIRO_TIMELINE_MARK_ENDED:
      _nichiro_timeline_canvas_fill_rect (self, snapshot, color, 2, y - 1, width - 6, 3);
      _nichiro_timeline_canvas_fill_rect (self, snapshot, color, width - 5, y - 1, 2, 5);
      break;

    case NICHIRO_TIMELINE_MARK_OPEN:
    default:
      {
        const GskColorStop stops[2] = { { 0, *color }, { 1, with_alpha (color, 0) } };

        _nichiro_timeline_canvas_fill_rect (self, snapshot, color, 2, y - 1, width / 2 - 2, 3);
        gtk_snapshot_append_linear_gradient (snapshot, &GRAPHENE_RECT_INIT (width / 2, y - 1, width / 2 - 2, 3),
                                             &GRAPHENE_POINT_INIT (width / 2, y), &GRAPHENE_POINT_INIT (width - 2, y),
                                             stops, 2);
      }
      break;
    }
}

/* Draws @mark as the canvas does, in a box of @width by @height. */
static void
draw_sample (NichiroTimelineCanvas *self,
             GtkSnapshot           *snapshot,
             NichiroTimelineMark    mark,
             double                 width,
             double                 height)
{
  static const NichiroTimelineMarker markers[] = {
    [NICHIRO_TIMELINE_MARK_INSTRUMENT] = NICHIRO_TIMELINE_MARKER_DIAMOND,
    [NICHIRO_TIMELINE_MARK_CONFLICT] = NICHIRO_TIMELINE_MARKER_TRIANGLE,
    [NICHIRO_TIMELINE_MARK_MEETING] = NICHIRO_TIMELINE_MARKER_CIRCLE,
    [NICHIRO_TIMELINE_MARK_INCIDENT] = NICHIRO_TIMELINE_MARKER_CIRCLE,
    [NICHIRO_TIMELINE_MARK_EVENT] = NICHIRO_TIMELINE_MARKER_CIRCLE,
  };
  double r = self->metrics.marker_radius, cx = width / 2, cy = height / 2;

  switch (mark)
    {
    case NICHIRO_TIMELINE_MARK_INSTRUMENT:
    case NICHIRO_TIMELINE_MARK_CONFLICT:
    case NICHIRO_TIMELINE_MARK_MEETING:
    case NICHIRO_TIMELINE_MARK_INCIDENT:
    case NICHIRO_TIMELINE_MARK_EVENT:
      /* The kinds are in NichiroTimelineGroup's order. */
      _nichiro_timeline_canvas_draw_marker (self, snapshot, markers[mark], cx, cy, r,
                                            &self->colors[PART_INSTRUMENT + (mark - NICHIRO_TIMELINE_MARK_INSTRUMENT)]);
      break;

    case NICHIRO_TIMELINE_MARK_RANGE:
      {
        GdkRGBA bar = with_alpha (&self->colors[PART_CONFLICT], 0.22);

        _nichiro_timeline_canvas_fill_rounded (self, snapshot, &bar, 1, 1, width - 2, height - 2, 5);
        _nichiro_timeline_canvas_draw_marker (self, snapshot, NICHIRO_TIMELINE_MARKER_TRIANGLE, 5 + r * 0.8, cy, r * 0.8,
                                              &self->colors[PART_CONFLICT]);
      }
      break;

    case NICHIRO_TIMELINE_MARK_SIGNED:
    case NICHIRO_TIMELINE_MARK_IN_FORCE:
    case NICHIRO_TIMELINE_MARK_STAGE:
    case NICHIRO_TIMELINE_MARK_NOTICE:
    case NICHIRO_TIMELINE_MARK_ENDED:
    case NICHIRO_TIMELINE_MARK_OPEN:
      draw_life (self, snapshot, mark, width, height);
      break;

    case NICHIRO_TIMELINE_MARK_CLUSTER:
      {
        PangoLayout *layout = _nichiro_timeline_canvas_text_layout (self, PART_CLUSTER, "+3");
        int text_width, text_height;

        pango_layout_get_pixel_size (layout, &text_width, &text_height);
        _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[PART_CLUSTER], 1, 1, width - 2, height - 2, height / 2);
        _nichiro_timeline_canvas_draw_text (self, snapshot, layout, (width - text_width) / 2, (height - text_height) / 2,
                                            &self->foreground);
      }
      break;

    case NICHIRO_TIMELINE_MARK_SELECTED:
      _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[PART_SELECTED], 1, 1, width - 2, height - 2, 6);
      _nichiro_timeline_canvas_draw_marker (self, snapshot, NICHIRO_TIMELINE_MARKER_DIAMOND, 6 + r, cy, r,
                                            &self->colors[PART_SELECTED_TEXT]);
      break;

    case NICHIRO_TIMELINE_MARK_MATCH:
      _nichiro_timeline_canvas_fill_rounded (self, snapshot, &self->colors[PART_MATCH], 1, 1, width - 2, height - 2, 6);
      _nichiro_timeline_canvas_draw_marker (self, snapshot, NICHIRO_TIMELINE_MARKER_DIAMOND, 6 + r, cy, r,
                                            &self->colors[PART_INSTRUMENT]);
      break;

    case NICHIRO_TIMELINE_MARK_DIMMED:
      gtk_snapshot_push_opacity (snapshot, 0.35);
      _nichiro_timeline_canvas_draw_marker (self, snapshot, NICHIRO_TIMELINE_MARKER_DIAMOND, cx, cy, r,
                                            &self->colors[PART_INSTRUMENT]);
      gtk_snapshot_pop (snapshot);
      break;

    case NICHIRO_TIMELINE_MARK_CURSOR:
      _nichiro_timeline_canvas_fill_rect (self, snapshot, &self->colors[PART_CURSOR], round (cx) - 1, 0, 2, height);
      break;

    case NICHIRO_TIMELINE_MARK_ERA_WAR:
    case NICHIRO_TIMELINE_MARK_ERA_REVOLUTION:
    case NICHIRO_TIMELINE_MARK_ERA_INTERVENTION:
    case NICHIRO_TIMELINE_MARK_ERA_OCCUPATION:
    case NICHIRO_TIMELINE_MARK_ERA_PERIOD:
      {
        NichiroTimelineCanvasPart part = PART_ERA_WAR + (mark - NICHIRO_TIMELINE_MARK_ERA_WAR);
        GdkRGBA bracket = with_alpha (&self->colors[PART_ERA_LABEL], 0.6);

        /* On the canvas's own background, where the bands lie. */
        _nichiro_timeline_canvas_fill_rect (self, snapshot, &self->colors[PART_BACKGROUND], 0, 0, width, height);
        _nichiro_timeline_canvas_fill_rect (self, snapshot, &self->colors[part], 4, 0, width - 8, height);
        _nichiro_timeline_canvas_fill_rect (self, snapshot, &self->colors[PART_ERA_EDGE], 4, 0, 1, height);
        _nichiro_timeline_canvas_fill_rect (self, snapshot, &self->colors[PART_ERA_EDGE], width - 5, 0, 1, height);
        _nichiro_timeline_canvas_fill_rect (self, snapshot, &bracket, 4, 2, width - 8, 2);
      }
      break;

    case NICHIRO_TIMELINE_N_MARKS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * _nichiro_timeline_canvas_paint_mark:
 * @self: a canvas
 * @mark: a mark
 * @width: the sample's width
 * @height: its height
 *
 * Returns: (transfer full): @mark drawn as the canvas draws it
 */
GdkPaintable *
_nichiro_timeline_canvas_paint_mark (NichiroTimelineCanvas *self,
                                     NichiroTimelineMark    mark,
                                     int                    width,
                                     int                    height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  double mirror_width = self->mirror_width;

  _nichiro_timeline_canvas_ensure_text (self);
  _nichiro_timeline_canvas_read_colors (self);

  /* Samples read the same in either direction. */
  self->mirror_width = 0;
  draw_sample (self, snapshot, mark, width, height);
  self->mirror_width = mirror_width;

  return gtk_snapshot_free_to_paintable (snapshot, &GRAPHENE_SIZE_INIT (width, height));
}

static GtkWidget *
make_row (NichiroTimelineCanvas *self,
          const LegendRow       *row)
{
  g_autoptr(GdkPaintable) paintable = _nichiro_timeline_canvas_paint_mark (self, row->mark, SAMPLE_WIDTH, SAMPLE_HEIGHT);
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *picture = gtk_picture_new_for_paintable (paintable);
  GtkWidget *label = gtk_label_new (_(row->text));

  gtk_widget_set_size_request (picture, SAMPLE_WIDTH, SAMPLE_HEIGHT);
  gtk_widget_set_valign (picture, GTK_ALIGN_CENTER);
  /* The text says what the sample shows. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (picture),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_widget_set_can_target (picture, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(row->text),
                                  -1);
  g_object_set_data (G_OBJECT (list_row), "nichiro-mark", GUINT_TO_POINTER (row->mark + 1));
  return list_row;
}

/**
 * nichiro_timeline_canvas_create_legend:
 * @self: a canvas
 *
 * Makes the legend of what the canvas draws: a list, a section for the
 * kinds of entry, a treaty's life, the highlights and the era bands, each
 * mark drawn beside what it means. Each row has the mark it explains as
 * "nichiro-mark" data (the mark + 1), for tests.
 *
 * Returns: (transfer floating): the legend
 */
GtkWidget *
nichiro_timeline_canvas_create_legend (NichiroTimelineCanvas *self)
{
  GtkWidget *box;

  g_return_val_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "nichiro-timeline-legend");

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                         "label", _(sections[s].heading),
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                         "xalign", 0.0f,
                                         NULL);
      GtkWidget *list = gtk_list_box_new ();

      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(sections[s].heading),
                                      -1);
      for (guint r = 0; r < sections[s].n_rows; r++)
        gtk_list_box_append (GTK_LIST_BOX (list), make_row (self, &sections[s].rows[r]));
      gtk_box_append (GTK_BOX (box), list);
    }

  return box;
}
