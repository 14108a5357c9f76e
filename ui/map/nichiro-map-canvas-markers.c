/* nichiro-map-canvas-markers.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nichiro-map-canvas-private.h"
#include "nichiro-map-marker.h"
#include "nichiro-territory.h"

/* The markers: a button for each area, naming it and who held it, and a
 * pin for each place entries happened at; and the legend, in the top
 * right corner. Pins stand where their places are. An area's marker goes beside the point it is named at, on the
 * first side where it covers no pin and no other marker; pushed further
 * off, it gets a leader line to its area. A marker whose area is out of
 * view waits at the edge nearest to it, so that every area can be reached
 * from the keyboard at any zoom. */

#define GAP 8.0
#define LEGEND_MARGIN 8
#define LEADER_MIN 14.0
/* Below this many pixels per degree the markers show names alone. */
#define COMPACT_SCALE 48.0

/* Short words for the markers; the sentences are in the tooltips. */
static const char * const short_statuses[NICHIRO_N_AREA_STATUSES] = {
  [NICHIRO_AREA_SHARED] = N_("shared"),
  [NICHIRO_AREA_SOVEREIGN] = N_("by treaty"),
  [NICHIRO_AREA_OCCUPIED] = N_("occupied"),
  [NICHIRO_AREA_ANNEXED] = N_("annexed"),
  [NICHIRO_AREA_RENOUNCED] = N_("annexed, claim given up"),
  [NICHIRO_AREA_PROMISED] = N_("to be handed over"),
};

/* Helpers */

static gboolean
overlaps_any (const graphene_rect_t *rect,
              GArray                *taken)
{
  for (guint i = 0; i < taken->len; i++)
    if (graphene_rect_intersection (rect, &g_array_index (taken, graphene_rect_t, i), NULL))
      return TRUE;

  return FALSE;
}

static gboolean
inside (const graphene_rect_t *rect,
        double                 width,
        double                 height)
{
  return rect->origin.x >= 0 && rect->origin.y >= 0
         && rect->origin.x + rect->size.width <= width
         && rect->origin.y + rect->size.height <= height;
}

static void
clamp_into (graphene_rect_t *rect,
            double           width,
            double           height)
{
  rect->origin.x = CLAMP (rect->origin.x, 0, MAX (0, width - rect->size.width));
  rect->origin.y = CLAMP (rect->origin.y, 0, MAX (0, height - rect->size.height));
}

/* The point of @rect nearest to (@x, @y). */
static graphene_point_t
nearest_point (const graphene_rect_t *rect,
               double                 x,
               double                 y)
{
  return GRAPHENE_POINT_INIT (CLAMP (x, rect->origin.x, rect->origin.x + rect->size.width),
                              CLAMP (y, rect->origin.y, rect->origin.y + rect->size.height));
}

/* How much of @rect covers land: its corners and middle, one each. */
static guint
land_under (NichiroMapCanvas      *self,
            const graphene_rect_t *rect)
{
  static const double points[][2] = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 }, { 0.5, 0.5 } };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double lon, lat;

      _nichiro_map_canvas_to_geo (self,
                                  rect->origin.x + points[i][0] * rect->size.width,
                                  rect->origin.y + points[i][1] * rect->size.height,
                                  &lon, &lat);
      n += nichiro_coastline_ring_at (self->coastline, lon, lat) >= 0;
    }

  return n;
}

/* Where an area's marker goes: of the places around its anchor, on widening
 * rings in sixteen directions, the one nearest to it that covers no pin, no
 * other marker and no other area's anchor, keeping off land and leaning
 * away from the other areas where it can: the southern Kurils' markers fan
 * out over the sea rather than hide the islands. */
static graphene_rect_t
place_beside (NichiroMapCanvas *self,
              double            ax,
              double            ay,
              double            out_x,
              double            out_y,
              double            w,
              double            h,
              double            width,
              double            height,
              GArray           *taken)
{
  graphene_rect_t best = GRAPHENE_RECT_INIT (ax + GAP, ay - h / 2, w, h);
  double best_cost = G_MAXDOUBLE;

  clamp_into (&best, width, height);

  for (guint round = 0; round < 8; round++)
    {
      double distance = GAP + round * (h * 0.75 + 4);

      for (guint s = 0; s < 16; s++)
        {
          double angle = s * G_PI / 8;
          double dx = cos (angle), dy = sin (angle);
          graphene_rect_t rect;
          double cost;

          /* The marker's edge nearest the anchor at the candidate point. */
          rect.origin.x = ax + dx * distance - w / 2 + dx * w / 2;
          rect.origin.y = ay + dy * distance - h / 2 + dy * h / 2;
          rect.size.width = w;
          rect.size.height = h;

          if (!inside (&rect, width, height) || overlaps_any (&rect, taken))
            continue;

          /* Near, off land, and away from the other areas. */
          cost = distance + land_under (self, &rect) * (h * 0.3) + (1 - (dx * out_x + dy * out_y)) * h * 0.5;
          if (cost < best_cost)
            {
              best_cost = cost;
              best = rect;
            }
        }

      /* Nearer rings are always better than any further one could be. */
      if (best_cost <= GAP + (round + 1) * (h * 0.75 + 4))
        break;
    }

  return best;
}

static int
compare_crowding (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const guint *crowding = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (crowding[i] != crowding[j])
    return crowding[i] > crowding[j] ? -1 : 1;
  return i < j ? -1 : i > j;
}

/* Whether the segments p1–p2 and q1–q2 cross, each strictly between its
 * ends. */
static gboolean
segments_cross (graphene_point_t p1,
                graphene_point_t p2,
                graphene_point_t q1,
                graphene_point_t q2)
{
  double d1 = (q2.x - q1.x) * (p1.y - q1.y) - (q2.y - q1.y) * (p1.x - q1.x);
  double d2 = (q2.x - q1.x) * (p2.y - q1.y) - (q2.y - q1.y) * (p2.x - q1.x);
  double d3 = (p2.x - p1.x) * (q1.y - p1.y) - (p2.y - p1.y) * (q1.x - p1.x);
  double d4 = (p2.x - p1.x) * (q2.y - p1.y) - (p2.y - p1.y) * (q2.x - p1.x);

  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/* A rect of @rect's size centred where @where is centred, kept inside. */
static graphene_rect_t
centred_at (const graphene_rect_t *rect,
            const graphene_rect_t *where,
            double                 width,
            double                 height)
{
  graphene_rect_t moved = GRAPHENE_RECT_INIT (where->origin.x + where->size.width / 2 - rect->size.width / 2,
                                              where->origin.y + where->size.height / 2 - rect->size.height / 2,
                                              rect->size.width, rect->size.height);

  clamp_into (&moved, width, height);
  return moved;
}

static void
allocate_child (GtkWidget             *child,
                const graphene_rect_t *rect)
{
  GtkAllocation allocation = {
    (int) round (rect->origin.x), (int) round (rect->origin.y),
    (int) ceil (rect->size.width), (int) ceil (rect->size.height),
  };

  gtk_widget_size_allocate (child, &allocation, -1);
}

/* "Japan · by treaty" */
static char *
dup_holding_words (NichiroMapCanvas        *self,
                   const NichiroAreaChange *change)
{
  if (change == NULL)
    return g_strdup (_("no agreed holder"));

  /* Translators: on an area's marker: the holder and its title, "Japan · by treaty" */
  return g_strdup_printf (_("%s · %s"),
                          nichiro_territory_holder_name (self->dataset, change->holder, self->language),
                          _(short_statuses[change->status]));
}

static char *
dup_place_description (NichiroMapCanvas *self,
                       MapPlace         *place)
{
  GString *text = g_string_new (nichiro_place_get_name (place->place, self->language));

  g_string_append (text, ": ");
  for (guint i = 0; i < place->entries->len; i++)
    {
      NichiroEntry *entry = g_ptr_array_index (place->entries, i);
      g_autofree char *date = nichiro_date_to_iso (nichiro_entry_get_date (entry));

      if (i > 0)
        g_string_append (text, "; ");
      /* Translators: an entry at a place, on its pin: "Treaty of Portsmouth (1905-09-05)" */
      g_string_append_printf (text, _("%s (%s)"), nichiro_entry_get_display_title (entry, self->title_language), date);
    }

  return g_string_free (text, FALSE);
}

/* Private API */

void
_nichiro_map_canvas_make_markers (NichiroMapCanvas *self)
{
  /* Areas first, north to south as the dataset lists them, then the
   * places: the order Tab visits them in. */
  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);

      area->marker = nichiro_map_marker_new (NICHIRO_MAP_MARKER_AREA);
      gtk_widget_set_parent (area->marker, GTK_WIDGET (self));
    }

  for (guint i = 0; i < self->places->len; i++)
    {
      MapPlace *place = &g_array_index (self->places, MapPlace, i);

      place->marker = nichiro_map_marker_new (NICHIRO_MAP_MARKER_PLACE);
      gtk_widget_set_parent (place->marker, GTK_WIDGET (self));
    }
}

static void
label_area (NichiroMapCanvas *self,
            MapArea          *area)
{
  NichiroHolding holding = { area->area, area->change, NULL };
  g_autofree char *words = dup_holding_words (self, area->change);
  g_autofree char *description = NULL;

  if (area->change != NULL)
    holding.since = nichiro_area_get_holder_since (area->area, area->change);
  description = nichiro_holding_dup_text (self->dataset, &holding, self->language, self->title_language, FALSE);
  nichiro_map_marker_set_area (NICHIRO_MAP_MARKER (area->marker),
                               nichiro_area_get_name (area->area, self->language),
                               nichiro_area_get_short_name (area->area, self->language),
                               words, area->fill, description);
  area->labelled_change = area->change;
}

/* Relabels the markers for the shown day and language: all of them when
 * @all, else those whose area changed hands or title. */
void
_nichiro_map_canvas_update_markers (NichiroMapCanvas *self,
                                    gboolean          all)
{
  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);

      if (all || area->labelled_change != area->change)
        label_area (self, area);
    }

  for (guint i = 0; all && i < self->places->len; i++)
    {
      MapPlace *place = &g_array_index (self->places, MapPlace, i);
      g_autofree char *description = dup_place_description (self, place);

      nichiro_map_marker_set_place (NICHIRO_MAP_MARKER (place->marker),
                                    nichiro_place_get_name (place->place, self->language),
                                    description);
    }
}

/* Two leaders that cross send the eye from each marker to the other's
 * area, as a crowded corner of a small map can make them: the two markers
 * trade places where that uncrosses them, makes them no longer and covers
 * nothing else. @slots holds each area's marker's index in @taken, whose
 * entries from @first_anchor on are the areas' anchors. */
static void
uncross_leaders (NichiroMapCanvas *self,
                 GArray           *taken,
                 guint             first_anchor,
                 const guint      *slots,
                 int               width,
                 int               height)
{
  guint n = self->areas->len;
  const graphene_rect_t nowhere = GRAPHENE_RECT_INIT (-100, -100, 0, 0);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        MapArea *a = &g_array_index (self->areas, MapArea, i);
        MapArea *b = &g_array_index (self->areas, MapArea, j);
        graphene_point_t pa = GRAPHENE_POINT_INIT (CLAMP (_nichiro_map_canvas_x (self, a->area->anchor.lon), 0, width),
                                                   CLAMP (_nichiro_map_canvas_y (self, a->area->anchor.lat), 0, height));
        graphene_point_t pb = GRAPHENE_POINT_INIT (CLAMP (_nichiro_map_canvas_x (self, b->area->anchor.lon), 0, width),
                                                   CLAMP (_nichiro_map_canvas_y (self, b->area->anchor.lat), 0, height));
        graphene_rect_t *ra = &g_array_index (taken, graphene_rect_t, slots[i]);
        graphene_rect_t *rb = &g_array_index (taken, graphene_rect_t, slots[j]);
        graphene_rect_t na = centred_at (ra, rb, width, height);
        graphene_rect_t nb = centred_at (rb, ra, width, height);
        graphene_point_t a_near = nearest_point (ra, pa.x, pa.y), b_near = nearest_point (rb, pb.x, pb.y);
        graphene_point_t a_new = nearest_point (&na, pa.x, pa.y), b_new = nearest_point (&nb, pb.x, pb.y);
        graphene_rect_t saved[4] = { *ra, *rb,
                                     g_array_index (taken, graphene_rect_t, first_anchor + i),
                                     g_array_index (taken, graphene_rect_t, first_anchor + j) };
        gboolean clear;

        if (!segments_cross (pa, a_near, pb, b_near) || segments_cross (pa, a_new, pb, b_new))
          continue;
        if (graphene_point_distance (&pa, &a_new, NULL, NULL) + graphene_point_distance (&pb, &b_new, NULL, NULL)
            > graphene_point_distance (&pa, &a_near, NULL, NULL) + graphene_point_distance (&pb, &b_near, NULL, NULL))
          continue;

        /* Clear of everything else, and of each other. */
        *ra = nowhere;
        *rb = nowhere;
        g_array_index (taken, graphene_rect_t, first_anchor + i) = nowhere;
        g_array_index (taken, graphene_rect_t, first_anchor + j) = nowhere;
        clear = !graphene_rect_intersection (&na, &nb, NULL)
                && !overlaps_any (&na, taken) && !overlaps_any (&nb, taken)
                && !graphene_rect_contains_point (&na, &pb) && !graphene_rect_contains_point (&nb, &pa);
        *ra = clear ? na : saved[0];
        *rb = clear ? nb : saved[1];
        g_array_index (taken, graphene_rect_t, first_anchor + i) = saved[2];
        g_array_index (taken, graphene_rect_t, first_anchor + j) = saved[3];
      }
}

void
_nichiro_map_canvas_place_markers (NichiroMapCanvas *self,
                                   int               width,
                                   int               height)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  gboolean compact = self->scale < COMPACT_SCALE;
  g_autofree guint *order = g_new (guint, self->areas->len);
  g_autofree guint *crowding = g_new (guint, self->areas->len);
  g_autofree guint *slots = g_new (guint, self->areas->len);
  double centre_x = 0, centre_y = 0;
  guint first_anchor;

  for (guint i = 0; i < self->places->len; i++)
    {
      MapPlace *place = &g_array_index (self->places, MapPlace, i);
      double x = _nichiro_map_canvas_x (self, place->place->longitude);
      double y = _nichiro_map_canvas_y (self, place->place->latitude);
      int w, h;
      graphene_rect_t rect;

      gtk_widget_measure (place->marker, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (place->marker, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      /* The pin's point on the place. */
      rect = GRAPHENE_RECT_INIT (x - w / 2.0, y - h + 4, w, h);
      gtk_widget_set_child_visible (place->marker, x >= 0 && x <= width && y >= 0 && y <= height);
      allocate_child (place->marker, &rect);
      g_array_append_val (taken, rect);
    }

  if (self->legend != NULL && gtk_widget_get_visible (self->legend))
    {
      int w, h;
      graphene_rect_t rect;

      gtk_widget_measure (self->legend, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      w = MIN (w, MAX (width - 2 * LEGEND_MARGIN, 1));
      gtk_widget_measure (self->legend, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      /* Top right: Kamchatka, not the frontier, is under it at first. */
      rect = GRAPHENE_RECT_INIT (width - w - LEGEND_MARGIN, LEGEND_MARGIN, w, h);
      allocate_child (self->legend, &rect);
      g_array_append_val (taken, rect);
    }

  first_anchor = taken->len;

  /* Every area's anchor is kept clear; the most crowded are placed first,
   * while the nearest places are free. */
  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);
      double x = _nichiro_map_canvas_x (self, area->area->anchor.lon);
      double y = _nichiro_map_canvas_y (self, area->area->anchor.lat);

      g_array_append_val (taken, GRAPHENE_RECT_INIT (x - 5, y - 5, 10, 10));
      order[i] = i;
      crowding[i] = 0;
      centre_x += x / self->areas->len;
      centre_y += y / self->areas->len;
    }
  for (guint i = 0; i < self->areas->len; i++)
    for (guint j = 0; j < self->areas->len; j++)
      {
        const graphene_rect_t *a = &g_array_index (taken, graphene_rect_t, first_anchor + i);
        const graphene_rect_t *b = &g_array_index (taken, graphene_rect_t, first_anchor + j);

        if (i != j && hypot (a->origin.x - b->origin.x, a->origin.y - b->origin.y) < 120)
          crowding[i]++;
      }
  g_qsort_with_data (order, self->areas->len, sizeof (guint), compare_crowding, crowding);

  for (guint k = 0; k < self->areas->len; k++)
    {
      guint i = order[k];
      MapArea *area = &g_array_index (self->areas, MapArea, i);
      double ax = _nichiro_map_canvas_x (self, area->area->anchor.lon);
      double ay = _nichiro_map_canvas_y (self, area->area->anchor.lat);
      double out_x = ax - centre_x, out_y = ay - centre_y, out_length = hypot (out_x, out_y);
      graphene_rect_t own = g_array_index (taken, graphene_rect_t, first_anchor + i);
      graphene_rect_t rect;
      int w, h;

      /* Its own anchor is no obstacle to it. */
      g_array_index (taken, graphene_rect_t, first_anchor + i) = GRAPHENE_RECT_INIT (-100, -100, 0, 0);
      if (out_length > 0)
        {
          out_x /= out_length;
          out_y /= out_length;
        }

      nichiro_map_marker_set_compact (NICHIRO_MAP_MARKER (area->marker), compact);
      gtk_widget_measure (area->marker, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (area->marker, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      rect = place_beside (self, CLAMP (ax, 0, width), CLAMP (ay, 0, height), out_x, out_y,
                           w, h, width, height, taken);
      g_array_append_val (taken, rect);
      g_array_index (taken, graphene_rect_t, first_anchor + i) = own;

      slots[i] = taken->len - 1;
    }

  uncross_leaders (self, taken, first_anchor, slots, width, height);

  /* A leader line when the marker stands off from its area. */
  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);
      double ax = _nichiro_map_canvas_x (self, area->area->anchor.lon);
      double ay = _nichiro_map_canvas_y (self, area->area->anchor.lat);
      const graphene_rect_t *rect = &g_array_index (taken, graphene_rect_t, slots[i]);
      graphene_point_t near = nearest_point (rect, ax, ay);

      allocate_child (area->marker, rect);
      area->has_leader = hypot (near.x - ax, near.y - ay) > LEADER_MIN;
      area->leader_from = near;
    }
}
