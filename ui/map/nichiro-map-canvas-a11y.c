/* nichiro-map-canvas-a11y.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-map-canvas-private.h"
#include "nichiro-territory.h"

/* The map's text twin: what a screen reader hears for the map is who held
 * each area on the shown day, in the words `nichiro --territory` uses
 * (nichiro_territory_dup_description()); each marker says the same for
 * its area. Updated with the day, so moving the cursor reads anew. */

void
_nichiro_map_canvas_update_accessible (NichiroMapCanvas *self)
{
  g_autofree char *description = NULL;

  if (self->dataset == NULL || self->frontier == NULL)
    description = g_strdup (_("The dataset has no frontier to show."));
  else
    description = nichiro_territory_dup_description (self->dataset, self->day, self->language, self->title_language);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Frontier map"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}
