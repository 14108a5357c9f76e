/* nichiro-map-canvas.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include <math.h>

#include "nichiro-map-canvas-private.h"
#include "nichiro-map-swatch.h"
#include "nichiro-territory.h"

/* NichiroMapCanvas draws the frontier on a day: the coast, each area of
 * the frontier filled for who held it and on what title, the treaty lines
 * that held, and a marker for each area and each place (real buttons, so
 * that the keyboard and screen readers reach them). Who held what comes
 * from nichiro_territory_on(), the same answer `nichiro --territory`
 * gives. NichiroMap (nichiro-map.c) tells it which day to show and what to
 * do when an area or a place is chosen; it never reads the session itself.
 *
 * The canvas is one type in several files, by concern, that share
 * nichiro-map-canvas-private.h. This one holds the type, the data, the day
 * and the view; then
 *   -markers.c   the areas' and places' markers, and where they go
 *   -draw.c      the snapshot and the layers it keeps between frames
 *   -input.c     the pointer and the touchpad: drag, scroll, pinch, click
 *   -keys.c      the keys and the actions they run
 *   -a11y.c      what a screen reader hears: the map's text twin */

G_DEFINE_FINAL_TYPE (NichiroMapCanvas, nichiro_map_canvas, GTK_TYPE_WIDGET)

enum {
  AREA_ACTIVATED,
  PLACE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The frontier's land and a margin: where the map opens. */
static const NichiroGeoBox opening_view = { 140.0, 41.8, 157.8, 54.8 };

/* Helpers: the data */

static void
map_area_clear (gpointer data)
{
  MapArea *area = data;

  g_clear_pointer (&area->land, g_ptr_array_unref);
  g_clear_pointer (&area->marker, gtk_widget_unparent);
  for (guint i = 0; i < MAP_N_FILLS; i++)
    g_clear_pointer (&area->fill_nodes[i], gsk_render_node_unref);
}

static void
map_place_clear (gpointer data)
{
  MapPlace *place = data;

  g_clear_pointer (&place->entries, g_ptr_array_unref);
  g_clear_pointer (&place->marker, gtk_widget_unparent);
}

static int
compare_entries_by_date (gconstpointer a,
                         gconstpointer b)
{
  NichiroEntry *entry_a = *(NichiroEntry **) a;
  NichiroEntry *entry_b = *(NichiroEntry **) b;

  return nichiro_date_compare (nichiro_entry_get_date (entry_a), nichiro_entry_get_date (entry_b));
}

/* The places on the map: those inside the region, pinned to a building or
 * a town (a region is an area, not a point), that some entry names. */
static void
collect_places (NichiroMapCanvas *self)
{
  GListModel *entries = nichiro_dataset_get_entries (self->dataset);
  const NichiroPlace *places;
  NichiroGeoBox region;
  guint n_places;

  nichiro_coastline_get_region (self->coastline, &region);
  places = nichiro_dataset_get_places (self->dataset, &n_places);

  for (guint i = 0; i < n_places; i++)
    {
      MapPlace place = { &places[i], g_ptr_array_new_with_free_func (g_object_unref), NULL };

      if (places[i].precision == NICHIRO_PLACE_PRECISION_REGION
          || !nichiro_geo_box_contains (&region, places[i].longitude, places[i].latitude))
        {
          g_ptr_array_unref (place.entries);
          continue;
        }

      for (guint e = 0; e < g_list_model_get_n_items (entries); e++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, e);
          const char * const *ids = nichiro_entry_get_places (entry);

          if (ids != NULL && g_strv_contains (ids, places[i].id))
            g_ptr_array_add (place.entries, g_steal_pointer (&entry));
        }

      if (place.entries->len == 0)
        {
          g_ptr_array_unref (place.entries);
          continue;
        }

      g_ptr_array_sort (place.entries, compare_entries_by_date);
      g_array_append_val (self->places, place);
    }
}

static void
clear_data (NichiroMapCanvas *self)
{
  g_array_set_size (self->areas, 0);
  g_array_set_size (self->places, 0);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->coastline, nichiro_coastline_unref);
  self->frontier = NULL;
  self->hover_area = -1;
  self->language = nichiro_language_get_interface ();
  self->title_language = self->language;
  _nichiro_map_canvas_drop_layers (self);
}

/* Helpers: the view */

static double
cos_standard_parallel (void)
{
  return cos (NICHIRO_MAP_STANDARD_PARALLEL * G_PI / 180.0);
}

/* The scale at which @box fills the widget. */
static double
scale_to_fit (NichiroMapCanvas    *self,
              const NichiroGeoBox *box)
{
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);

  return MIN (width / ((box->east - box->west) * cos_standard_parallel ()),
              height / (box->north - box->south));
}

static void
get_region (NichiroMapCanvas *self,
            NichiroGeoBox    *out_region)
{
  if (self->coastline != NULL)
    nichiro_coastline_get_region (self->coastline, out_region);
  else
    *out_region = opening_view;
}

/* Keeps the scale between the whole region and the deepest zoom, and the
 * middle of the view inside the region. */
static void
clamp_view (NichiroMapCanvas *self)
{
  NichiroGeoBox region;
  double min_scale;

  get_region (self, &region);
  min_scale = scale_to_fit (self, &region) * 0.9;
  self->scale = CLAMP (self->scale, MIN (min_scale, NICHIRO_MAP_MAX_SCALE), NICHIRO_MAP_MAX_SCALE);
  self->centre_lon = CLAMP (self->centre_lon, region.west, region.east);
  self->centre_lat = CLAMP (self->centre_lat, region.south, region.north);
}

static void
fit_box (NichiroMapCanvas    *self,
         const NichiroGeoBox *box)
{
  self->centre_lon = (box->west + box->east) / 2;
  self->centre_lat = (box->south + box->north) / 2;
  self->scale = scale_to_fit (self, box);
  self->has_view = TRUE;
  clamp_view (self);
}

/* Helpers: the shown day */

static guint64
lines_key_for_day (NichiroMapCanvas *self)
{
  const NichiroFrontierLine *lines;
  guint64 key = 0;
  guint n_lines;

  if (self->frontier == NULL)
    return 0;

  lines = nichiro_frontier_get_lines (self->frontier, &n_lines);
  for (guint i = 0; i < MIN (n_lines, 64); i++)
    if (nichiro_frontier_line_holds_on (&lines[i], self->day))
      key |= G_GUINT64_CONSTANT (1) << i;

  return key;
}

/* Takes the holdings on the shown day; redraws and relabels only what
 * changed. */
static void
update_holdings (NichiroMapCanvas *self)
{
  g_autoptr(GArray) holdings = nichiro_territory_on (self->frontier, self->day);
  gboolean fills_changed = FALSE;
  gboolean changes_changed = FALSE;
  guint64 lines_key;

  g_assert (holdings->len == self->areas->len);

  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);
      const NichiroHolding *holding = &g_array_index (holdings, NichiroHolding, i);
      NichiroMapFill fill = nichiro_map_fill_for (self->frontier, holding->change);

      if (!nichiro_map_fill_equal (fill, area->fill))
        fills_changed = TRUE;
      if (holding->change != area->change)
        changes_changed = TRUE;
      area->fill = fill;
      area->change = holding->change;
    }

  if (fills_changed)
    gtk_widget_queue_draw (GTK_WIDGET (self));

  lines_key = lines_key_for_day (self);
  if (lines_key != self->lines_key)
    {
      self->lines_key = lines_key;
      g_clear_pointer (&self->lines_node, gsk_render_node_unref);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  if (changes_changed)
    _nichiro_map_canvas_update_markers (self, FALSE);

  /* The day is in the description even when no holder changed. */
  _nichiro_map_canvas_update_accessible (self);
}

/* Helpers shared with the other files */

double
_nichiro_map_canvas_x (NichiroMapCanvas *self,
                       double            lon)
{
  return gtk_widget_get_width (GTK_WIDGET (self)) / 2.0
         + (lon - self->centre_lon) * cos_standard_parallel () * self->scale;
}

double
_nichiro_map_canvas_y (NichiroMapCanvas *self,
                       double            lat)
{
  return gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 - (lat - self->centre_lat) * self->scale;
}

void
_nichiro_map_canvas_to_geo (NichiroMapCanvas *self,
                            double            x,
                            double            y,
                            double           *out_lon,
                            double           *out_lat)
{
  *out_lon = self->centre_lon + (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0)
                                / (cos_standard_parallel () * self->scale);
  *out_lat = self->centre_lat - (y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0) / self->scale;
}

/* The layers drawn for the old view stand in, moved and scaled, until the
 * view rests; then they are drawn again. */
void
_nichiro_map_canvas_view_changed (NichiroMapCanvas *self)
{
  clamp_view (self);
  _nichiro_map_canvas_redraw_when_still (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zooms by @factor keeping the point under (@x, @y) where it is. */
void
_nichiro_map_canvas_zoom_around (NichiroMapCanvas *self,
                                 double            factor,
                                 double            x,
                                 double            y)
{
  double lon, lat, old_scale = self->scale;

  _nichiro_map_canvas_to_geo (self, x, y, &lon, &lat);
  self->scale *= factor;
  clamp_view (self);
  if (self->scale == old_scale)
    return;

  /* The same point under the pointer at the new scale. */
  self->centre_lon = lon - (x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0) / (cos_standard_parallel () * self->scale);
  self->centre_lat = lat + (y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0) / self->scale;
  _nichiro_map_canvas_view_changed (self);
}

void
_nichiro_map_canvas_pan_by (NichiroMapCanvas *self,
                            double            dx,
                            double            dy)
{
  self->centre_lon -= dx / (cos_standard_parallel () * self->scale);
  self->centre_lat += dy / self->scale;
  _nichiro_map_canvas_view_changed (self);
}

/* The area whose land is under (@x, @y), or -1. */
int
_nichiro_map_canvas_area_at (NichiroMapCanvas *self,
                             double            x,
                             double            y)
{
  double lon, lat;

  _nichiro_map_canvas_to_geo (self, x, y, &lon, &lat);
  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);

      for (guint r = 0; r < area->land->len; r++)
        {
          GArray *ring = g_ptr_array_index (area->land, r);

          if (nichiro_geo_ring_contains ((const NichiroGeoPoint *) (gpointer) ring->data, ring->len, lon, lat))
            return (int) i;
        }
    }

  return -1;
}

/* Emits area-activated pointing at (@x, @y) in @anchor. */
void
_nichiro_map_canvas_activate_area (NichiroMapCanvas *self,
                                   guint             index,
                                   GtkWidget        *anchor,
                                   double            x,
                                   double            y)
{
  MapArea *area;

  g_return_if_fail (index < self->areas->len);

  area = &g_array_index (self->areas, MapArea, index);
  g_signal_emit (self, signals[AREA_ACTIVATED], 0, area->area->id, anchor, x, y);
}

/* Callbacks */

static void
place_clicked_cb (GtkWidget        *marker,
                  NichiroMapCanvas *self)
{
  for (guint i = 0; i < self->places->len; i++)
    {
      MapPlace *place = &g_array_index (self->places, MapPlace, i);

      if (place->marker == marker)
        g_signal_emit (self, signals[PLACE_ACTIVATED], 0, place->place->id, marker);
    }
}

static void
area_clicked_cb (GtkWidget        *marker,
                 NichiroMapCanvas *self)
{
  for (guint i = 0; i < self->areas->len; i++)
    if (g_array_index (self->areas, MapArea, i).marker == marker)
      _nichiro_map_canvas_activate_area (self, i, marker,
                                         gtk_widget_get_width (marker) / 2.0,
                                         gtk_widget_get_height (marker) / 2.0);
}

/* GtkWidget */

static void
nichiro_map_canvas_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  NichiroMapCanvas *self = NICHIRO_MAP_CANVAS (widget);

  if (!self->has_view && width > 1 && height > 1)
    fit_box (self, &opening_view);
  else
    clamp_view (self);

  _nichiro_map_canvas_place_markers (self, width, height);
}

static void
nichiro_map_canvas_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = 160;
  *natural = 420;
}

/* The swatches of the markers and the legend paint with the canvas's
 * colours: they are drawn again when those change. */
static void
queue_draw_swatches (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (NICHIRO_IS_MAP_SWATCH (child))
        gtk_widget_queue_draw (child);
      queue_draw_swatches (child);
    }
}

static void
nichiro_map_canvas_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  NichiroMapCanvas *self = NICHIRO_MAP_CANVAS (widget);

  GTK_WIDGET_CLASS (nichiro_map_canvas_parent_class)->css_changed (widget, change);

  nichiro_map_palette_read (self->nodes, &self->palette);
  _nichiro_map_canvas_drop_layers (self);
  gtk_widget_queue_draw (widget);
  queue_draw_swatches (widget);
}

static void
nichiro_map_canvas_dispose (GObject *object)
{
  NichiroMapCanvas *self = NICHIRO_MAP_CANVAS (object);

  clear_data (self);
  nichiro_map_palette_clear_nodes (self->nodes);
  g_clear_pointer (&self->legend, gtk_widget_unparent);
  g_clear_handle_id (&self->redraw_id, g_source_remove);

  G_OBJECT_CLASS (nichiro_map_canvas_parent_class)->dispose (object);
}

static void
nichiro_map_canvas_finalize (GObject *object)
{
  NichiroMapCanvas *self = NICHIRO_MAP_CANVAS (object);

  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_pointer (&self->places, g_array_unref);

  G_OBJECT_CLASS (nichiro_map_canvas_parent_class)->finalize (object);
}

/* The focus ring is drawn with the map, and no style of the canvas's own
 * changes with the focus: draw again when it comes or goes. */
static void
nichiro_map_canvas_state_flags_changed (GtkWidget     *widget,
                                        GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  if (GTK_WIDGET_CLASS (nichiro_map_canvas_parent_class)->state_flags_changed != NULL)
    GTK_WIDGET_CLASS (nichiro_map_canvas_parent_class)->state_flags_changed (widget, previous);
  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

static void
nichiro_map_canvas_class_init (NichiroMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_map_canvas_dispose;
  object_class->finalize = nichiro_map_canvas_finalize;
  widget_class->snapshot = _nichiro_map_canvas_snapshot;
  widget_class->size_allocate = nichiro_map_canvas_size_allocate;
  widget_class->measure = nichiro_map_canvas_measure;
  widget_class->css_changed = nichiro_map_canvas_css_changed;
  widget_class->state_flags_changed = nichiro_map_canvas_state_flags_changed;

  /**
   * NichiroMapCanvas::area-activated:
   * @self: the canvas
   * @area_id: the area's id
   * @anchor: the widget to point at: its marker, or the canvas
   * @x: where in @anchor to point
   * @y: likewise
   *
   * An area was clicked on, or its marker activated.
   */
  signals[AREA_ACTIVATED] =
    g_signal_new ("area-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, GTK_TYPE_WIDGET, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  /**
   * NichiroMapCanvas::place-activated:
   * @self: the canvas
   * @place_id: the place's id
   * @marker: its pin
   *
   * A place's pin was activated.
   */
  signals[PLACE_ACTIVATED] =
    g_signal_new ("place-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, GTK_TYPE_WIDGET);

  _nichiro_map_canvas_class_init_keys (widget_class);

  gtk_widget_class_set_css_name (widget_class, "nichiro-map-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nichiro_map_canvas_init (NichiroMapCanvas *self)
{
  self->areas = g_array_new (FALSE, TRUE, sizeof (MapArea));
  g_array_set_clear_func (self->areas, map_area_clear);
  self->places = g_array_new (FALSE, TRUE, sizeof (MapPlace));
  g_array_set_clear_func (self->places, map_place_clear);
  self->hover_area = -1;
  self->language = nichiro_language_get_interface ();
  self->title_language = self->language;

  nichiro_map_palette_init_nodes (GTK_WIDGET (self), self->nodes);
  nichiro_map_palette_read (self->nodes, &self->palette);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  _nichiro_map_canvas_init_input (self);
  _nichiro_map_canvas_update_accessible (self);
}

/* Public API */

GtkWidget *
nichiro_map_canvas_new (void)
{
  return g_object_new (NICHIRO_TYPE_MAP_CANVAS, NULL);
}

/**
 * nichiro_map_canvas_set_dataset:
 * @self: a canvas
 * @dataset: (nullable): the dataset whose frontier to draw
 * @coastline: (nullable): the land to draw it on
 *
 * A dataset without a frontier shows the coast alone.
 */
void
nichiro_map_canvas_set_dataset (NichiroMapCanvas *self,
                                NichiroDataset   *dataset,
                                NichiroCoastline *coastline)
{
  g_return_if_fail (NICHIRO_IS_MAP_CANVAS (self));
  g_return_if_fail (dataset == NULL || NICHIRO_IS_DATASET (dataset));

  if (self->dataset == dataset && self->coastline == coastline)
    return;

  clear_data (self);
  if (dataset == NULL || coastline == NULL)
    {
      _nichiro_map_canvas_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  self->dataset = g_object_ref (dataset);
  self->coastline = nichiro_coastline_ref (coastline);
  self->frontier = nichiro_dataset_get_frontier (dataset);

  for (guint i = 0; self->frontier != NULL && i < nichiro_frontier_get_n_areas (self->frontier); i++)
    {
      MapArea area = { nichiro_frontier_get_area (self->frontier, i), NULL, };

      area.land = nichiro_area_cut_land (area.area, coastline);
      area.fill.pattern = NICHIRO_MAP_PATTERN_NONE;
      g_array_append_val (self->areas, area);
    }
  collect_places (self);

  _nichiro_map_canvas_make_markers (self);
  for (guint i = 0; i < self->areas->len; i++)
    g_signal_connect_object (g_array_index (self->areas, MapArea, i).marker, "clicked",
                             G_CALLBACK (area_clicked_cb), self, 0);
  for (guint i = 0; i < self->places->len; i++)
    g_signal_connect_object (g_array_index (self->places, MapPlace, i).marker, "clicked",
                             G_CALLBACK (place_clicked_cb), self, 0);

  self->lines_key = G_MAXUINT64;
  update_holdings (self);
  _nichiro_map_canvas_update_markers (self, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * nichiro_map_canvas_set_day:
 * @self: a canvas
 * @julian_day: the day to show, as a Julian Day Number
 */
void
nichiro_map_canvas_set_day (NichiroMapCanvas *self,
                            gint64            julian_day)
{
  g_return_if_fail (NICHIRO_IS_MAP_CANVAS (self));

  if (self->day == julian_day)
    return;

  self->day = julian_day;
  if (self->dataset != NULL)
    update_holdings (self);
}

gint64
nichiro_map_canvas_get_day (NichiroMapCanvas *self)
{
  g_return_val_if_fail (NICHIRO_IS_MAP_CANVAS (self), 0);

  return self->day;
}

/**
 * nichiro_map_canvas_set_title_language:
 * @self: a canvas
 * @language: the language instruments are named in (the session's title
 *   language); areas, holders and places are named in the interface's
 */
void
nichiro_map_canvas_set_title_language (NichiroMapCanvas *self,
                                       NichiroLanguage   language)
{
  g_return_if_fail (NICHIRO_IS_MAP_CANVAS (self));

  if (self->title_language == language)
    return;

  self->title_language = language;
  _nichiro_map_canvas_update_markers (self, TRUE);
  _nichiro_map_canvas_update_accessible (self);
}

/**
 * nichiro_map_canvas_get_palette:
 * @self: a canvas
 *
 * The colours it paints with, for the swatches of its markers and legend.
 *
 * Returns: (transfer none): its palette
 */
const NichiroMapPalette *
nichiro_map_canvas_get_palette (NichiroMapCanvas *self)
{
  g_return_val_if_fail (NICHIRO_IS_MAP_CANVAS (self), NULL);

  return &self->palette;
}

/**
 * nichiro_map_canvas_set_legend:
 * @self: a canvas
 * @legend: (nullable): the legend to show in its top right corner
 *
 * The canvas keeps the legend in its corner, over the map, and its markers
 * clear of it.
 */
void
nichiro_map_canvas_set_legend (NichiroMapCanvas *self,
                               GtkWidget        *legend)
{
  g_return_if_fail (NICHIRO_IS_MAP_CANVAS (self));
  g_return_if_fail (legend == NULL || GTK_IS_WIDGET (legend));

  if (self->legend == legend)
    return;

  g_clear_pointer (&self->legend, gtk_widget_unparent);
  if (legend != NULL)
    {
      self->legend = legend;
      /* Last, so that it is drawn over the markers. */
      gtk_widget_insert_before (legend, GTK_WIDGET (self), NULL);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * nichiro_map_canvas_get_shown_change:
 * @self: a canvas
 * @area_id: an area's id
 *
 * What the canvas draws for an area on the shown day: the tests hold it
 * to `nichiro --territory`.
 *
 * Returns: (nullable): the change the area is drawn for, or %NULL when it
 *   has no holder on that day or no such area is drawn
 */
const NichiroAreaChange *
nichiro_map_canvas_get_shown_change (NichiroMapCanvas *self,
                                     const char       *area_id)
{
  g_return_val_if_fail (NICHIRO_IS_MAP_CANVAS (self), NULL);

  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);

      if (g_strcmp0 (area->area->id, area_id) == 0)
        return area->change;
    }

  return NULL;
}

/**
 * nichiro_map_canvas_get_area_marker:
 * @self: a canvas
 * @area_id: an area's id
 *
 * Returns: (transfer none) (nullable): the area's marker
 */
GtkWidget *
nichiro_map_canvas_get_area_marker (NichiroMapCanvas *self,
                                    const char       *area_id)
{
  g_return_val_if_fail (NICHIRO_IS_MAP_CANVAS (self), NULL);

  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);

      if (g_strcmp0 (area->area->id, area_id) == 0)
        return area->marker;
    }

  return NULL;
}

/**
 * nichiro_map_canvas_get_leader:
 * @self: a canvas
 * @area_id: an area's id
 * @from: (out): where the line leaves the area's marker
 * @to: (out): the area's anchor, where it ends
 *
 * Returns: whether the area's marker stands off from it with a leader line
 */
gboolean
nichiro_map_canvas_get_leader (NichiroMapCanvas *self,
                               const char       *area_id,
                               graphene_point_t *from,
                               graphene_point_t *to)
{
  g_return_val_if_fail (NICHIRO_IS_MAP_CANVAS (self), FALSE);

  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);

      if (g_strcmp0 (area->area->id, area_id) != 0)
        continue;
      *from = area->leader_from;
      *to = GRAPHENE_POINT_INIT (_nichiro_map_canvas_x (self, area->area->anchor.lon),
                                 _nichiro_map_canvas_y (self, area->area->anchor.lat));
      return area->has_leader;
    }

  return FALSE;
}

/**
 * nichiro_map_canvas_get_place_marker:
 * @self: a canvas
 * @place_id: a place's id
 *
 * Returns: (transfer none) (nullable): the place's pin, if it has one
 */
GtkWidget *
nichiro_map_canvas_get_place_marker (NichiroMapCanvas *self,
                                     const char       *place_id)
{
  g_return_val_if_fail (NICHIRO_IS_MAP_CANVAS (self), NULL);

  for (guint i = 0; i < self->places->len; i++)
    {
      MapPlace *place = &g_array_index (self->places, MapPlace, i);

      if (g_strcmp0 (place->place->id, place_id) == 0)
        return place->marker;
    }

  return NULL;
}

/**
 * nichiro_map_canvas_get_view:
 * @self: a canvas
 * @out_lon: (out) (optional): the longitude at the middle of the view
 * @out_lat: (out) (optional): the latitude there
 * @out_scale: (out) (optional): pixels per degree of latitude
 */
void
nichiro_map_canvas_get_view (NichiroMapCanvas *self,
                             double           *out_lon,
                             double           *out_lat,
                             double           *out_scale)
{
  g_return_if_fail (NICHIRO_IS_MAP_CANVAS (self));

  if (out_lon != NULL)
    *out_lon = self->centre_lon;
  if (out_lat != NULL)
    *out_lat = self->centre_lat;
  if (out_scale != NULL)
    *out_scale = self->scale;
}

void
nichiro_map_canvas_set_view (NichiroMapCanvas *self,
                             double            lon,
                             double            lat,
                             double            scale)
{
  g_return_if_fail (NICHIRO_IS_MAP_CANVAS (self));
  g_return_if_fail (isfinite (lon) && isfinite (lat) && isfinite (scale) && scale > 0);

  self->centre_lon = lon;
  self->centre_lat = lat;
  self->scale = scale;
  self->has_view = TRUE;
  _nichiro_map_canvas_view_changed (self);
}

void
nichiro_map_canvas_zoom_in (NichiroMapCanvas *self)
{
  g_return_if_fail (NICHIRO_IS_MAP_CANVAS (self));

  _nichiro_map_canvas_zoom_around (self, NICHIRO_MAP_ZOOM_STEP,
                                   gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                   gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
nichiro_map_canvas_zoom_out (NichiroMapCanvas *self)
{
  g_return_if_fail (NICHIRO_IS_MAP_CANVAS (self));

  _nichiro_map_canvas_zoom_around (self, 1 / NICHIRO_MAP_ZOOM_STEP,
                                   gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                   gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/**
 * nichiro_map_canvas_zoom_fit:
 * @self: a canvas
 *
 * Shows the whole frontier again, as the map opened.
 */
void
nichiro_map_canvas_zoom_fit (NichiroMapCanvas *self)
{
  g_return_if_fail (NICHIRO_IS_MAP_CANVAS (self));

  fit_box (self, &opening_view);
  _nichiro_map_canvas_view_changed (self);
}
