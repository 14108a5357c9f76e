/* nichiro-frontier.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "nichiro-dataset.h"
#include "nichiro-geo.h"
#include "nichiro-json-check.h"

G_BEGIN_DECLS

/* The holder that is no single state: undivided possession. */
#define NICHIRO_HOLDER_SHARED "shared"

/**
 * NichiroAreaStatus:
 * @NICHIRO_AREA_SHARED: held by both states, undivided
 * @NICHIRO_AREA_SOVEREIGN: the holder's by a treaty between the two
 *   states: ceded, or recognised as it stood
 * @NICHIRO_AREA_OCCUPIED: held by force; the title stayed where it was
 * @NICHIRO_AREA_ANNEXED: made part of the holder's territory by its own
 *   act, with no treaty with the former holder
 * @NICHIRO_AREA_RENOUNCED: annexed, and the former holder has renounced it
 *   without saying to whom
 * @NICHIRO_AREA_PROMISED: held, and promised by treaty to the other state
 *   at a later step
 *
 * On what title a holder held an area.
 */
typedef enum
{
  NICHIRO_AREA_SHARED,
  NICHIRO_AREA_SOVEREIGN,
  NICHIRO_AREA_OCCUPIED,
  NICHIRO_AREA_ANNEXED,
  NICHIRO_AREA_RENOUNCED,
  NICHIRO_AREA_PROMISED,
  NICHIRO_N_AREA_STATUSES,
} NichiroAreaStatus;

/**
 * NichiroFrontierSide:
 * @NICHIRO_FRONTIER_SIDE_NONE: a holder the frontier does not place
 * @NICHIRO_FRONTIER_SIDE_A: the first side of the frontier (Japan)
 * @NICHIRO_FRONTIER_SIDE_B: the second side (Russia, then the USSR)
 *
 * Which side of the frontier a holder stands on; the map colours by side.
 */
typedef enum
{
  NICHIRO_FRONTIER_SIDE_NONE,
  NICHIRO_FRONTIER_SIDE_A,
  NICHIRO_FRONTIER_SIDE_B,
} NichiroFrontierSide;

/**
 * NichiroFrontierHolder:
 * @state: a states id
 * @short_name: the name the map gives it ("USSR")
 * @side: its side of the frontier
 *
 * How the map names and colours a state that held areas.
 */
typedef struct
{
  char *state;
  NichiroNames short_name;
  NichiroFrontierSide side;
} NichiroFrontierHolder;

/**
 * NichiroAreaChange:
 * @date: the first day the area was held this way
 * @holder: a states id, or %NICHIRO_HOLDER_SHARED
 * @status: on what title
 * @status_text: the status in a few words of our own
 * @entry: the id of the entry it rests on
 * @article: (nullable): the article of that entry, as the entry numbers it
 * @note: (nullable): where sources differ, and what each says
 * @sources: (array length=n_sources): where it is told
 * @n_sources: how many sources
 *
 * A change of who held an area, or of the title it was held on.
 */
typedef struct
{
  NichiroDate date;
  char *holder;
  NichiroAreaStatus status;
  char *status_text;
  char *entry;
  char *article;
  char *note;
  NichiroSource *sources;
  guint n_sources;
} NichiroAreaChange;

/**
 * NichiroArea:
 * @id: the area's id
 * @name: its name in each language
 * @short_name: a shorter name for a small map; all %NULL when it has none
 * @bounds: (array length=n_bounds): boxes; the area is the coastline's land
 *   inside them
 * @n_bounds: how many boxes
 * @anchor: where on the map it is named
 * @changes: (array length=n_changes): its changes of holder, in date order
 * @n_changes: how many changes
 *
 * A piece of the frontier whose holder changed as a whole.
 */
typedef struct
{
  char *id;
  NichiroNames name;
  NichiroNames short_name;
  NichiroGeoBox *bounds;
  guint n_bounds;
  NichiroGeoPoint anchor;
  NichiroAreaChange *changes;
  guint n_changes;
} NichiroArea;

/**
 * NichiroFrontierLine:
 * @id: the line's id
 * @name: its name in each language
 * @points: (array length=n_points): the line, west to east or north to south
 * @n_points: how many points
 * @from: the first day it was the frontier
 * @until: the first day it no longer was; not set while it still is
 * @entry: the id of the entry that drew it
 * @article: (nullable): the article of that entry
 *
 * A frontier line drawn by a treaty.
 */
typedef struct
{
  char *id;
  NichiroNames name;
  NichiroGeoPoint *points;
  guint n_points;
  NichiroDate from;
  NichiroDate until;
  char *entry;
  char *article;
} NichiroFrontierLine;

NichiroFrontier           *nichiro_frontier_read            (JsonObject          *object,
                                                             NichiroDataset      *dataset,
                                                             NichiroJsonChecker  *checker);
void                       nichiro_frontier_free            (NichiroFrontier     *self);
guint                      nichiro_frontier_get_n_areas     (NichiroFrontier     *self);
const NichiroArea         *nichiro_frontier_get_area        (NichiroFrontier     *self,
                                                             guint                index);
const NichiroArea         *nichiro_frontier_lookup_area     (NichiroFrontier     *self,
                                                             const char          *id);
const NichiroFrontierLine *nichiro_frontier_get_lines       (NichiroFrontier     *self,
                                                             guint               *n_lines);
const NichiroFrontierHolder *nichiro_frontier_lookup_holder (NichiroFrontier     *self,
                                                             const char          *state);
gboolean                   nichiro_frontier_line_holds_on   (const NichiroFrontierLine *line,
                                                             gint64               julian_day);

const char                *nichiro_area_get_name            (const NichiroArea   *area,
                                                             NichiroLanguage      language);
const char                *nichiro_area_get_short_name      (const NichiroArea   *area,
                                                             NichiroLanguage      language);
const NichiroAreaChange   *nichiro_area_get_change_on       (const NichiroArea   *area,
                                                             gint64               julian_day);
const NichiroAreaChange   *nichiro_area_get_holder_since    (const NichiroArea   *area,
                                                             const NichiroAreaChange *change);

const char                *nichiro_area_status_to_string    (NichiroAreaStatus    status);
const char                *nichiro_area_status_get_label    (NichiroAreaStatus    status);
gboolean                   nichiro_area_status_from_string  (const char          *text,
                                                             NichiroAreaStatus   *out_status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroFrontier, nichiro_frontier_free)

G_END_DECLS
