/* nichiro-territory.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-coastline.h"
#include "nichiro-dataset.h"
#include "nichiro-frontier.h"

G_BEGIN_DECLS

/**
 * NichiroHolding:
 * @area: the area
 * @change: (nullable): the change in force on the day, or %NULL before the
 *   area's first
 * @since: (nullable): the first change of the run of @change's holder: it
 *   has held the area since then, perhaps on another title at first
 *
 * Who held an area on a day, and on what.
 */
typedef struct
{
  const NichiroArea *area;
  const NichiroAreaChange *change;
  const NichiroAreaChange *since;
} NichiroHolding;

GArray     *nichiro_territory_on               (NichiroFrontier       *frontier,
                                                gint64                 julian_day);
const char *nichiro_territory_holder_name      (NichiroDataset        *dataset,
                                                const char            *holder,
                                                NichiroLanguage        language);
char       *nichiro_territory_dup_citation     (NichiroDataset        *dataset,
                                                const char            *entry_id,
                                                const char            *article,
                                                NichiroLanguage        language);
char       *nichiro_holding_dup_text           (NichiroDataset        *dataset,
                                                const NichiroHolding  *holding,
                                                NichiroLanguage        language,
                                                NichiroLanguage        title_language,
                                                gboolean               days);
char       *nichiro_territory_dup_description  (NichiroDataset        *dataset,
                                                gint64                 julian_day,
                                                NichiroLanguage        language,
                                                NichiroLanguage        title_language);
JsonNode   *nichiro_territory_to_json          (NichiroDataset        *dataset,
                                                gint64                 julian_day);
GPtrArray  *nichiro_area_cut_land              (const NichiroArea     *area,
                                                NichiroCoastline      *coastline);

G_END_DECLS
