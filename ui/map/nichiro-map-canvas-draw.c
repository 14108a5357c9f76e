/* nichiro-map-canvas-draw.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include <math.h>

#include "nichiro-map-canvas-private.h"

/* Drawing the canvas, in layers kept between frames: the sea and the land
 * (redrawn when the view changes), the areas in their fills (when the view
 * or a holder changes), the treaty lines (when the view or the lines that
 * hold change); then, each frame, the hovered area's outline, the markers'
 * leader lines, the markers and the focus ring. The two large layers are
 * drawn once into textures (a cairo node would be drawn again, path by
 * path, at every frame), the areas' only as large as the areas are in
 * view. Moving the date cursor therefore costs a frame of cached textures
 * unless a holder changes on that day. Rings are drawn only where they are
 * in view, and points closer than a pixel to the last one drawn are
 * skipped: the coast is far more detailed than the whole region needs at
 * its widest. */

#define MIN_STEP 0.7

/* Helpers */

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color)
{
  gdk_cairo_set_source_rgba (cr, color);
}

static void
get_view_box (NichiroMapCanvas *self,
              NichiroGeoBox    *out_box)
{
  double west, east, south, north;

  _nichiro_map_canvas_to_geo (self, 0, gtk_widget_get_height (GTK_WIDGET (self)), &west, &south);
  _nichiro_map_canvas_to_geo (self, gtk_widget_get_width (GTK_WIDGET (self)), 0, &east, &north);
  *out_box = (NichiroGeoBox) { west, south, east, north };
}

/* Adds a closed ring to the path, skipping points under a pixel apart. */
static void
add_ring (NichiroMapCanvas      *self,
          cairo_t               *cr,
          const NichiroGeoPoint *points,
          guint                  n_points)
{
  double last_x = 0, last_y = 0;

  for (guint i = 0; i < n_points; i++)
    {
      double x = _nichiro_map_canvas_x (self, points[i].lon);
      double y = _nichiro_map_canvas_y (self, points[i].lat);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else if (fabs (x - last_x) + fabs (y - last_y) >= MIN_STEP || i == n_points - 1)
        cairo_line_to (cr, x, y);
      else
        continue;

      last_x = x;
      last_y = y;
    }

  cairo_close_path (cr);
}

/* Whether the segment lies along an edge of @box: where a ring was cut,
 * not a coast. */
static gboolean
along_edge (const NichiroGeoPoint *a,
            const NichiroGeoPoint *b,
            const NichiroGeoBox   *box)
{
  return (a->lon == b->lon && (a->lon == box->west || a->lon == box->east))
         || (a->lat == b->lat && (a->lat == box->south || a->lat == box->north));
}

/* Adds a ring's coast to the path: every segment but those along the cuts
 * (@coast), or those alone (!@coast). */
static void
add_segments (NichiroMapCanvas      *self,
              cairo_t               *cr,
              const NichiroGeoPoint *points,
              guint                  n_points,
              const NichiroGeoBox   *cuts,
              guint                  n_cuts,
              gboolean               coast)
{
  gboolean drawing = FALSE;
  double last_x = 0, last_y = 0;

  for (guint i = 0; i < n_points; i++)
    {
      const NichiroGeoPoint *a = &points[i];
      const NichiroGeoPoint *b = &points[(i + 1) % n_points];
      gboolean cut = FALSE;
      double x, y;

      for (guint c = 0; c < n_cuts && !cut; c++)
        cut = along_edge (a, b, &cuts[c]);

      if (cut == coast)
        {
          drawing = FALSE;
          continue;
        }

      x = _nichiro_map_canvas_x (self, b->lon);
      y = _nichiro_map_canvas_y (self, b->lat);
      if (!drawing)
        {
          cairo_move_to (cr, _nichiro_map_canvas_x (self, a->lon), _nichiro_map_canvas_y (self, a->lat));
          drawing = TRUE;
        }
      else if (fabs (x - last_x) + fabs (y - last_y) < MIN_STEP && i != n_points - 1)
        {
          continue;
        }

      cairo_line_to (cr, x, y);
      last_x = x;
      last_y = y;
    }
}

static void
add_coast (NichiroMapCanvas      *self,
           cairo_t               *cr,
           const NichiroGeoPoint *points,
           guint                  n_points,
           const NichiroGeoBox   *cuts,
           guint                  n_cuts)
{
  add_segments (self, cr, points, n_points, cuts, n_cuts, TRUE);
}

/* Draws with @draw into an image of @rect (in the widget's coordinates) at
 * the widget's scale, and returns a node that paints that image. Drawing
 * the node costs a copy of the image with the cairo renderer, and the GL
 * renderers keep it as a texture while the node lives. */
static GskRenderNode *
draw_image (NichiroMapCanvas      *self,
            const graphene_rect_t *rect,
            void                 (*draw) (NichiroMapCanvas *self, cairo_t *cr))
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = (int) ceil (rect->size.width * scale), height = (int) ceil (rect->size.height * scale);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_translate (cr, -rect->origin.x, -rect->origin.y);
  draw (self, cr);
  cairo_destroy (cr);

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, rect);
  cairo_set_source_surface (cr, surface, rect->origin.x, rect->origin.y);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static double
origin_x (NichiroMapCanvas *self)
{
  return _nichiro_map_canvas_x (self, 0);
}

static double
origin_y (NichiroMapCanvas *self)
{
  return _nichiro_map_canvas_y (self, 0);
}

/* The sea, and all the land in the plain colour of land. */
static void
draw_base (NichiroMapCanvas *self,
           cairo_t          *cr)
{
  NichiroGeoBox view, region;

  set_color (cr, &self->palette.colors[NICHIRO_MAP_COLOR_SEA]);
  cairo_paint (cr);
  if (self->coastline == NULL)
    return;

  get_view_box (self, &view);
  nichiro_coastline_get_region (self->coastline, &region);

  for (guint i = 0; i < nichiro_coastline_get_n_rings (self->coastline); i++)
    {
      const NichiroGeoPoint *ring;
      guint n;

      if (!nichiro_geo_box_intersects (nichiro_coastline_get_ring_bounds (self->coastline, i), &view))
        continue;
      ring = nichiro_coastline_get_ring (self->coastline, i, &n);
      add_ring (self, cr, ring, n);
    }
  set_color (cr, &self->palette.colors[NICHIRO_MAP_COLOR_LAND]);
  cairo_fill (cr);

  for (guint i = 0; i < nichiro_coastline_get_n_rings (self->coastline); i++)
    {
      const NichiroGeoPoint *ring;
      guint n;

      if (!nichiro_geo_box_intersects (nichiro_coastline_get_ring_bounds (self->coastline, i), &view))
        continue;
      ring = nichiro_coastline_get_ring (self->coastline, i, &n);
      add_coast (self, cr, ring, n, &region, 1);
    }
  set_color (cr, &self->palette.colors[NICHIRO_MAP_COLOR_COAST]);
  cairo_set_line_width (cr, 1);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static GskRenderNode *
make_base (NichiroMapCanvas *self,
           double            width,
           double            height)
{
  return draw_image (self, &GRAPHENE_RECT_INIT (0, 0, width, height), draw_base);
}

static void
add_area_land (NichiroMapCanvas *self,
               cairo_t          *cr,
               MapArea          *area)
{
  for (guint r = 0; r < area->land->len; r++)
    {
      GArray *ring = g_ptr_array_index (area->land, r);

      add_ring (self, cr, (const NichiroGeoPoint *) (gpointer) ring->data, ring->len);
    }
}

static void
add_area_edges (NichiroMapCanvas *self,
                cairo_t          *cr,
                MapArea          *area,
                gboolean          coast)
{
  for (guint r = 0; r < area->land->len; r++)
    {
      GArray *ring = g_ptr_array_index (area->land, r);

      add_segments (self, cr, (const NichiroGeoPoint *) (gpointer) ring->data, ring->len,
                    area->area->bounds, area->area->n_bounds, coast);
    }
}

/* The area being drawn into its image; drawing functions take only the
 * canvas. */
static MapArea *drawing_area;

/* An area in its fill, outlined along its coast. */
static void
draw_area (NichiroMapCanvas *self,
           cairo_t          *cr)
{
  add_area_land (self, cr, drawing_area);
  nichiro_map_paint_fill (cr, &self->palette, drawing_area->fill, origin_x (self), origin_y (self));
  /* Where the area was cut from an island another area shares, its fill
   * runs a pixel over the cut: two areas in one fill show no seam. */
  add_area_edges (self, cr, drawing_area, FALSE);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  add_area_edges (self, cr, drawing_area, TRUE);
  set_color (cr, &self->palette.colors[NICHIRO_MAP_COLOR_OUTLINE]);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* An area's image in its current fill, as large as the area is in view. */
static GskRenderNode *
make_area (NichiroMapCanvas *self,
           MapArea          *area,
           double            width,
           double            height)
{
  NichiroGeoBox bounds = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  graphene_rect_t rect;

  for (guint r = 0; r < area->land->len; r++)
    {
      GArray *ring = g_ptr_array_index (area->land, r);
      NichiroGeoBox ring_bounds;

      nichiro_geo_ring_bounds ((const NichiroGeoPoint *) (gpointer) ring->data, ring->len, &ring_bounds);
      bounds.west = MIN (bounds.west, ring_bounds.west);
      bounds.east = MAX (bounds.east, ring_bounds.east);
      bounds.south = MIN (bounds.south, ring_bounds.south);
      bounds.north = MAX (bounds.north, ring_bounds.north);
    }

  /* In the widget's pixels, with room for the outline, cut to the widget. */
  rect.origin.x = floor (_nichiro_map_canvas_x (self, bounds.west) - 2);
  rect.origin.y = floor (_nichiro_map_canvas_y (self, bounds.north) - 2);
  rect.size.width = ceil (_nichiro_map_canvas_x (self, bounds.east) + 2 - rect.origin.x);
  rect.size.height = ceil (_nichiro_map_canvas_y (self, bounds.south) + 2 - rect.origin.y);
  if (!graphene_rect_intersection (&rect, &GRAPHENE_RECT_INIT (0, 0, width, height), &rect))
    return NULL;

  drawing_area = area;
  return draw_image (self, &rect, draw_area);
}

static guint
fill_index (NichiroMapFill fill)
{
  return fill.side * NICHIRO_MAP_N_PATTERNS + fill.pattern;
}

static gboolean
same_view (const MapView *a,
           const MapView *b)
{
  return a->lon == b->lon && a->lat == b->lat && a->scale == b->scale
         && a->width == b->width && a->height == b->height;
}

static MapView
current_view (NichiroMapCanvas *self)
{
  return (MapView) { self->centre_lon, self->centre_lat, self->scale,
                     gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)) };
}

/* Moves and scales what was drawn for @from to where @to shows it. */
static void
transform_from (GtkSnapshot   *snapshot,
                const MapView *from,
                const MapView *to)
{
  double k = cos (NICHIRO_MAP_STANDARD_PARALLEL * G_PI / 180.0);
  double factor = to->scale / from->scale;

  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (to->width / 2.0 + (from->lon - to->lon) * k * to->scale,
                                                          to->height / 2.0 - (from->lat - to->lat) * to->scale));
  gtk_snapshot_scale (snapshot, factor, factor);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-from->width / 2.0, -from->height / 2.0));
}

static gboolean
redraw_cb (gpointer user_data)
{
  NichiroMapCanvas *self = user_data;

  self->redraw_id = 0;
  _nichiro_map_canvas_drop_layers (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* The treaty lines that hold on the shown day. */
static GskRenderNode *
make_lines (NichiroMapCanvas *self,
            double            width,
            double            height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  const NichiroFrontierLine *lines;
  guint n_lines;
  cairo_t *cr;

  if (self->frontier == NULL || self->lines_key == 0)
    return NULL;

  lines = nichiro_frontier_get_lines (self->frontier, &n_lines);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < MIN (n_lines, 64); i++)
    {
      if ((self->lines_key & (G_GUINT64_CONSTANT (1) << i)) == 0)
        continue;

      for (guint p = 0; p < lines[i].n_points; p++)
        {
          double x = _nichiro_map_canvas_x (self, lines[i].points[p].lon);
          double y = _nichiro_map_canvas_y (self, lines[i].points[p].lat);

          if (p == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      nichiro_map_paint_line (cr, &self->palette, 2.5);
    }

  cairo_destroy (cr);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* A thin line from a marker to its area: a rotated rectangle, no cairo. */
static void
append_leader (NichiroMapCanvas *self,
               GtkSnapshot      *snapshot,
               MapArea          *area)
{
  double ax = _nichiro_map_canvas_x (self, area->area->anchor.lon);
  double ay = _nichiro_map_canvas_y (self, area->area->anchor.lat);
  double dx = ax - area->leader_from.x, dy = ay - area->leader_from.y;
  double length = hypot (dx, dy);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &area->leader_from);
  gtk_snapshot_rotate (snapshot, atan2 (dy, dx) * 180 / G_PI);
  gtk_snapshot_append_color (snapshot, &self->palette.colors[NICHIRO_MAP_COLOR_LINE_HALO],
                             &GRAPHENE_RECT_INIT (0, -1.5, length, 3));
  gtk_snapshot_append_color (snapshot, &self->palette.colors[NICHIRO_MAP_COLOR_OUTLINE],
                             &GRAPHENE_RECT_INIT (0, -0.5, length, 1));
  gtk_snapshot_restore (snapshot);
}

static void
append_hover (NichiroMapCanvas *self,
              GtkSnapshot      *snapshot,
              double            width,
              double            height)
{
  MapArea *area = &g_array_index (self->areas, MapArea, self->hover_area);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  add_area_land (self, cr, area);
  set_color (cr, &self->palette.colors[NICHIRO_MAP_COLOR_HOVER]);
  cairo_set_line_width (cr, 3);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* Private API */

/* Forgets every layer: they are drawn again at the next frame. */
void
_nichiro_map_canvas_drop_layers (NichiroMapCanvas *self)
{
  g_clear_pointer (&self->base_node, gsk_render_node_unref);
  g_clear_pointer (&self->lines_node, gsk_render_node_unref);
  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);

      for (guint f = 0; f < MAP_N_FILLS; f++)
        g_clear_pointer (&area->fill_nodes[f], gsk_render_node_unref);
    }
  self->layers_valid = FALSE;
}

/* While the view moves, the layers of the last view stand in for the
 * new ones, moved and scaled; a moment after it stops they are drawn
 * again, sharp. */
void
_nichiro_map_canvas_redraw_when_still (NichiroMapCanvas *self)
{
  g_clear_handle_id (&self->redraw_id, g_source_remove);
  self->redraw_id = g_timeout_add (150, redraw_cb, self);
}

void
_nichiro_map_canvas_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  NichiroMapCanvas *self = NICHIRO_MAP_CANVAS (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  MapView view = current_view (self);
  gboolean moved;

  if (width <= 0 || height <= 0)
    return;

  /* A new size, or no layers yet: draw them for this view. */
  if (!self->layers_valid || self->layers_view.width != view.width || self->layers_view.height != view.height)
    {
      _nichiro_map_canvas_drop_layers (self);
      self->layers_view = view;
      self->layers_valid = TRUE;
      self->base_node = make_base (self, width, height);
    }
  moved = !same_view (&self->layers_view, &view);

  /* The sea under everything, where a moved layer leaves a gap. */
  gtk_snapshot_append_color (snapshot, &self->palette.colors[NICHIRO_MAP_COLOR_SEA],
                             &GRAPHENE_RECT_INIT (0, 0, width, height));

  gtk_snapshot_save (snapshot);
  if (moved)
    transform_from (snapshot, &self->layers_view, &view);
  if (self->base_node != NULL)
    gtk_snapshot_append_node (snapshot, self->base_node);

  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);
      GskRenderNode **node = &area->fill_nodes[fill_index (area->fill)];

      if (*node == NULL)
        {
          /* Drawn for the layers' view, so that it sits with the others. */
          MapView now = view;

          self->centre_lon = self->layers_view.lon;
          self->centre_lat = self->layers_view.lat;
          self->scale = self->layers_view.scale;
          *node = make_area (self, area, width, height);
          self->centre_lon = now.lon;
          self->centre_lat = now.lat;
          self->scale = now.scale;
        }
      if (*node != NULL)
        gtk_snapshot_append_node (snapshot, *node);
    }
  gtk_snapshot_restore (snapshot);

  if (self->hover_area >= 0 && (guint) self->hover_area < self->areas->len)
    append_hover (self, snapshot, width, height);

  if (self->lines_node == NULL || !same_view (&self->lines_view, &view))
    {
      g_clear_pointer (&self->lines_node, gsk_render_node_unref);
      self->lines_node = make_lines (self, width, height);
      self->lines_view = view;
    }
  if (self->lines_node != NULL)
    gtk_snapshot_append_node (snapshot, self->lines_node);

  for (guint i = 0; i < self->areas->len; i++)
    {
      MapArea *area = &g_array_index (self->areas, MapArea, i);

      if (area->has_leader)
        append_leader (self, snapshot, area);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      const GdkRGBA *focus = &self->palette.colors[NICHIRO_MAP_COLOR_FOCUS];

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 0);
      gtk_snapshot_append_border (snapshot, &outline,
                                  (float[4]) { 2, 2, 2, 2 },
                                  (GdkRGBA[4]) { *focus, *focus, *focus, *focus });
    }
}
