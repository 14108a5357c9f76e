/* nichiro-coastline.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-geo.h"

G_BEGIN_DECLS

#define NICHIRO_COASTLINE_RESOURCE "/io/github/nichiro/Nichiro/data/coastline.bin"

typedef struct _NichiroCoastline NichiroCoastline;

#define NICHIRO_TYPE_COASTLINE (nichiro_coastline_get_type ())

GType                  nichiro_coastline_get_type        (void) G_GNUC_CONST;
NichiroCoastline      *nichiro_coastline_new_from_bytes  (GBytes            *bytes,
                                                          GError           **error);
NichiroCoastline      *nichiro_coastline_load_bundled    (GError           **error);
NichiroCoastline      *nichiro_coastline_ref             (NichiroCoastline  *self);
void                   nichiro_coastline_unref           (NichiroCoastline  *self);
void                   nichiro_coastline_get_region      (NichiroCoastline  *self,
                                                          NichiroGeoBox     *out_region);
const char            *nichiro_coastline_get_field       (NichiroCoastline  *self,
                                                          const char        *name);
guint                  nichiro_coastline_get_n_rings     (NichiroCoastline  *self);
guint                  nichiro_coastline_get_n_points    (NichiroCoastline  *self);
const NichiroGeoPoint *nichiro_coastline_get_ring        (NichiroCoastline  *self,
                                                          guint              index,
                                                          guint             *out_n_points);
const NichiroGeoBox   *nichiro_coastline_get_ring_bounds (NichiroCoastline  *self,
                                                          guint              index);
int                    nichiro_coastline_ring_at         (NichiroCoastline  *self,
                                                          double             lon,
                                                          double             lat);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroCoastline, nichiro_coastline_unref)

G_END_DECLS
