/* nichiro-map-marker.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-map-paint.h"

G_BEGIN_DECLS

/**
 * NichiroMapMarkerKind:
 * @NICHIRO_MAP_MARKER_AREA: names an area and who held it
 * @NICHIRO_MAP_MARKER_PLACE: a pin for a place
 */
typedef enum
{
  NICHIRO_MAP_MARKER_AREA,
  NICHIRO_MAP_MARKER_PLACE,
} NichiroMapMarkerKind;

#define NICHIRO_TYPE_MAP_MARKER (nichiro_map_marker_get_type ())

G_DECLARE_FINAL_TYPE (NichiroMapMarker, nichiro_map_marker, NICHIRO, MAP_MARKER, GtkButton)

GtkWidget            *nichiro_map_marker_new        (NichiroMapMarkerKind  kind);
NichiroMapMarkerKind  nichiro_map_marker_get_kind   (NichiroMapMarker     *self);
void                  nichiro_map_marker_set_area   (NichiroMapMarker     *self,
                                                     const char           *name,
                                                     const char           *short_name,
                                                     const char           *holding,
                                                     NichiroMapFill        fill,
                                                     const char           *description);
const char           *nichiro_map_marker_get_holding (NichiroMapMarker    *self);
void                  nichiro_map_marker_set_compact (NichiroMapMarker    *self,
                                                      gboolean             compact);
void                  nichiro_map_marker_set_place  (NichiroMapMarker     *self,
                                                     const char           *name,
                                                     const char           *description);

G_END_DECLS
