/* nichiro-map-canvas.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-coastline.h"
#include "nichiro-dataset.h"
#include "nichiro-frontier.h"
#include "nichiro-map-paint.h"

G_BEGIN_DECLS

#define NICHIRO_TYPE_MAP_CANVAS (nichiro_map_canvas_get_type ())

G_DECLARE_FINAL_TYPE (NichiroMapCanvas, nichiro_map_canvas, NICHIRO, MAP_CANVAS, GtkWidget)

GtkWidget               *nichiro_map_canvas_new               (void);
void                     nichiro_map_canvas_set_dataset       (NichiroMapCanvas *self,
                                                               NichiroDataset   *dataset,
                                                               NichiroCoastline *coastline);
void                     nichiro_map_canvas_set_day           (NichiroMapCanvas *self,
                                                               gint64            julian_day);
gint64                   nichiro_map_canvas_get_day           (NichiroMapCanvas *self);
void                     nichiro_map_canvas_set_title_language (NichiroMapCanvas *self,
                                                                NichiroLanguage   language);
void                     nichiro_map_canvas_set_legend        (NichiroMapCanvas *self,
                                                               GtkWidget        *legend);
const NichiroMapPalette *nichiro_map_canvas_get_palette       (NichiroMapCanvas *self);
const NichiroAreaChange *nichiro_map_canvas_get_shown_change  (NichiroMapCanvas *self,
                                                               const char       *area_id);
GtkWidget               *nichiro_map_canvas_get_area_marker   (NichiroMapCanvas *self,
                                                               const char       *area_id);
GtkWidget               *nichiro_map_canvas_get_place_marker  (NichiroMapCanvas *self,
                                                               const char       *place_id);
gboolean                 nichiro_map_canvas_get_leader        (NichiroMapCanvas *self,
                                                               const char       *area_id,
                                                               graphene_point_t *from,
                                                               graphene_point_t *to);
void                     nichiro_map_canvas_get_view          (NichiroMapCanvas *self,
                                                               double           *out_lon,
                                                               double           *out_lat,
                                                               double           *out_scale);
void                     nichiro_map_canvas_set_view          (NichiroMapCanvas *self,
                                                               double            lon,
                                                               double            lat,
                                                               double            scale);
void                     nichiro_map_canvas_zoom_in           (NichiroMapCanvas *self);
void                     nichiro_map_canvas_zoom_out          (NichiroMapCanvas *self);
void                     nichiro_map_canvas_zoom_fit          (NichiroMapCanvas *self);

G_END_DECLS
