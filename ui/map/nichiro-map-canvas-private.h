/* nichiro-map-canvas-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-map-canvas.h"
#include "nichiro-map-paint.h"

G_BEGIN_DECLS

/* What the files of NichiroMapCanvas share: its struct and the helpers
 * each offers the others (nichiro-map-canvas.c says which file holds
 * what). Nothing outside the canvas includes this. */

/* The map is drawn in an equirectangular projection true to scale at this
 * latitude, the middle of the region: at 41° N and 56° N east–west
 * distances are off by 14% at most, and straight lines stay straight. */
#define NICHIRO_MAP_STANDARD_PARALLEL 48.5
#define NICHIRO_MAP_MAX_SCALE 400.0       /* pixels per degree of latitude */
#define NICHIRO_MAP_ZOOM_STEP 1.5

/* One image per fill an area has shown: a side by a pattern. */
#define MAP_N_FILLS (3 * NICHIRO_MAP_N_PATTERNS)

/* A view the layers were drawn for. */
typedef struct
{
  double lon;
  double lat;
  double scale;
  int width;
  int height;
} MapView;

typedef struct
{
  const NichiroArea *area;
  GPtrArray *land;                  /* GArray of NichiroGeoPoint: its rings */
  GskRenderNode *fill_nodes[MAP_N_FILLS];
  GtkWidget *marker;
  const NichiroAreaChange *change;  /* in force on the shown day */
  const NichiroAreaChange *labelled_change;  /* what its marker says */
  NichiroMapFill fill;
  graphene_point_t leader_from;     /* where its marker's leader line starts, if it has one */
  gboolean has_leader;
} MapArea;

typedef struct
{
  const NichiroPlace *place;
  GPtrArray *entries;               /* NichiroEntry, in date order */
  GtkWidget *marker;
} MapPlace;

struct _NichiroMapCanvas
{
  GtkWidget parent_instance;

  NichiroDataset *dataset;
  NichiroFrontier *frontier;        /* the dataset's */
  NichiroCoastline *coastline;
  NichiroLanguage language;         /* of names: the interface's */
  NichiroLanguage title_language;   /* of the instruments' titles */
  GArray *areas;                    /* MapArea */
  GArray *places;                   /* MapPlace */
  GtkWidget *legend;                /* in the bottom corner, over the map */
  gint64 day;

  /* The view: the point at the middle of the widget, and pixels per
   * degree of latitude. Set when first allocated. */
  double centre_lon;
  double centre_lat;
  double scale;
  gboolean has_view;

  GtkWidget *nodes[NICHIRO_MAP_N_COLORS];
  NichiroMapPalette palette;

  /* What is drawn, kept between frames (nichiro-map-canvas-draw.c): the
   * land, and each area in each fill it has shown, for one view; the lines
   * for a view and a day. */
  MapView layers_view;
  gboolean layers_valid;
  GskRenderNode *base_node;
  GskRenderNode *lines_node;
  MapView lines_view;
  guint64 lines_key;                /* which lines hold, one bit each */
  guint redraw_id;                  /* draws the layers again once the view rests */
  int hover_area;

  /* Gestures */
  double drag_lon;
  double drag_lat;
  double zoom_start_scale;
  double pointer_x;
  double pointer_y;
};

/* nichiro-map-canvas.c: the view and the projection */
double   _nichiro_map_canvas_x                  (NichiroMapCanvas *self,
                                                 double            lon);
double   _nichiro_map_canvas_y                  (NichiroMapCanvas *self,
                                                 double            lat);
void     _nichiro_map_canvas_to_geo             (NichiroMapCanvas *self,
                                                 double            x,
                                                 double            y,
                                                 double           *out_lon,
                                                 double           *out_lat);
void     _nichiro_map_canvas_view_changed       (NichiroMapCanvas *self);
void     _nichiro_map_canvas_zoom_around        (NichiroMapCanvas *self,
                                                 double            factor,
                                                 double            x,
                                                 double            y);
void     _nichiro_map_canvas_pan_by             (NichiroMapCanvas *self,
                                                 double            dx,
                                                 double            dy);
int      _nichiro_map_canvas_area_at            (NichiroMapCanvas *self,
                                                 double            x,
                                                 double            y);
void     _nichiro_map_canvas_activate_area      (NichiroMapCanvas *self,
                                                 guint             index,
                                                 GtkWidget        *anchor,
                                                 double            x,
                                                 double            y);

/* nichiro-map-canvas-markers.c: the markers of areas and places */
void     _nichiro_map_canvas_make_markers       (NichiroMapCanvas *self);
void     _nichiro_map_canvas_update_markers     (NichiroMapCanvas *self,
                                                 gboolean          all);
void     _nichiro_map_canvas_place_markers      (NichiroMapCanvas *self,
                                                 int               width,
                                                 int               height);

/* nichiro-map-canvas-draw.c */
void     _nichiro_map_canvas_snapshot           (GtkWidget        *widget,
                                                 GtkSnapshot      *snapshot);
void     _nichiro_map_canvas_drop_layers        (NichiroMapCanvas *self);
void     _nichiro_map_canvas_redraw_when_still  (NichiroMapCanvas *self);

/* nichiro-map-canvas-input.c: the pointer and the touchpad */
void     _nichiro_map_canvas_init_input         (NichiroMapCanvas *self);

/* nichiro-map-canvas-keys.c */
void     _nichiro_map_canvas_class_init_keys    (GtkWidgetClass   *widget_class);

/* nichiro-map-canvas-a11y.c */
void     _nichiro_map_canvas_update_accessible  (NichiroMapCanvas *self);

G_END_DECLS
