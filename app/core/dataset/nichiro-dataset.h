/* nichiro-dataset.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-entry.h"

G_BEGIN_DECLS

/* Datasets larger than this are refused before they are read: the bundled
 * one is a few hundred KiB, and a synthetic 100,000-entry one stays below. */
#define NICHIRO_DATASET_MAX_SIZE (64 * 1024 * 1024)

#define NICHIRO_DATASET_DEFAULT_RESOURCE "/io/github/nichiro/Nichiro/data/japan-russia.json"

typedef struct
{
  char *id;
  NichiroNames name;
  GStrv aliases;
} NichiroState;

/**
 * NichiroPart:
 * @id: the part's id
 * @number: 1-based, in reading order
 * @title: the English title, the same string as @titles.en
 * @summary: (nullable): the English summary, the same string as
 *   @summaries.en
 * @start: the first year it covers
 * @end: the last year it covers
 * @titles: the title in each language the dataset gives it in
 * @summaries: the summary likewise; all %NULL when there is none
 *
 * A part of the book chapter the dataset accompanies. Use
 * nichiro_part_get_title() and nichiro_part_get_summary() for a language.
 */
typedef struct
{
  char *id;
  guint number;
  char *title;
  char *summary;
  NichiroDate start;
  NichiroDate end;
  NichiroNames titles;
  NichiroNames summaries;
} NichiroPart;

/**
 * NichiroEra:
 * @id: the era's id
 * @kind: war, revolution, intervention, occupation or period
 * @name: its name in each language
 * @short_name: a shorter name for where the name does not fit (the
 *   timeline's header): "WWI"; every member %NULL when the dataset gives
 *   none
 * @start: its first day
 * @end: its last day
 *
 * A band of time drawn behind the timeline's entries.
 */
typedef struct
{
  char *id;
  char *kind;
  NichiroNames name;
  NichiroNames short_name;
  NichiroDate start;
  NichiroDate end;
} NichiroEra;

typedef struct
{
  char *id;
  NichiroNames name;
  GStrv aliases;
  char *description;
} NichiroThread;

typedef struct
{
  char *id;
  NichiroNames name;
  GStrv aliases;
  NichiroDate born;
  NichiroDate died;
  GStrv roles;
} NichiroPerson;

/**
 * NichiroPlacePrecision:
 * @NICHIRO_PLACE_PRECISION_BUILDING: the coordinates are those of the
 *   building or site itself
 * @NICHIRO_PLACE_PRECISION_CITY: of the town or city
 * @NICHIRO_PLACE_PRECISION_REGION: of the middle of a region, a sea or a
 *   chain of islands
 */
typedef enum
{
  NICHIRO_PLACE_PRECISION_BUILDING,
  NICHIRO_PLACE_PRECISION_CITY,
  NICHIRO_PLACE_PRECISION_REGION,
} NichiroPlacePrecision;

/**
 * NichiroPlace:
 * @id: the place's id
 * @name: its name in each language
 * @aliases: (array zero-terminated=1): other names
 * @latitude: degrees north (WGS 84), negative south
 * @longitude: degrees east (WGS 84), negative west
 * @precision: what the coordinates point at
 * @source: where the coordinates come from
 *
 * A place on the map that entries refer to by id.
 */
typedef struct
{
  char *id;
  NichiroNames name;
  GStrv aliases;
  double latitude;
  double longitude;
  NichiroPlacePrecision precision;
  NichiroSource source;
} NichiroPlace;

typedef struct
{
  char *title;
  char *chapter;
  char *chapter_title;
  GStrv authors;
  char *publisher;
  int year;
} NichiroBook;

/* The frontier the map draws (app/core/territory/nichiro-frontier.h). */
typedef struct _NichiroFrontier NichiroFrontier;

#define NICHIRO_TYPE_DATASET (nichiro_dataset_get_type ())

G_DECLARE_FINAL_TYPE (NichiroDataset, nichiro_dataset, NICHIRO, DATASET, GObject)

NichiroDataset      *nichiro_dataset_new_from_data     (const char      *text,
                                                        gsize            length,
                                                        const char      *display_name,
                                                        GError         **error);
NichiroDataset      *nichiro_dataset_new_from_file     (GFile           *file,
                                                        GError         **error);
NichiroDataset      *nichiro_dataset_new_from_resource (const char      *resource_path,
                                                        GError         **error);
NichiroDataset      *nichiro_dataset_new_default       (GError         **error);

const char          *nichiro_dataset_get_id            (NichiroDataset  *self);
const char          *nichiro_dataset_get_title         (NichiroDataset  *self);
const char          *nichiro_dataset_get_description   (NichiroDataset  *self);
const char          *nichiro_dataset_get_license       (NichiroDataset  *self);
const char          *nichiro_dataset_get_display_name  (NichiroDataset  *self);
const NichiroBook   *nichiro_dataset_get_book          (NichiroDataset  *self);
const NichiroSource *nichiro_dataset_get_sources       (NichiroDataset  *self,
                                                        guint           *n_sources);
gboolean             nichiro_dataset_get_period        (NichiroDataset  *self,
                                                        NichiroDate     *out_start,
                                                        NichiroDate     *out_end);
gboolean             nichiro_dataset_get_span          (NichiroDataset  *self,
                                                        NichiroDate     *out_first,
                                                        NichiroDate     *out_last);

char                *nichiro_dataset_dup_citation      (NichiroDataset  *self,
                                                        NichiroEntry    *entry);

GListModel          *nichiro_dataset_get_entries       (NichiroDataset  *self);
GStrv                nichiro_dataset_dup_near_ids      (NichiroDataset  *self,
                                                        const char      *id,
                                                        guint            max);
NichiroEntry        *nichiro_dataset_lookup_entry      (NichiroDataset  *self,
                                                        const char      *id);
const NichiroRelated *nichiro_dataset_get_incoming     (NichiroDataset  *self,
                                                        const char      *id,
                                                        guint           *n_incoming);

const NichiroState  *nichiro_dataset_get_states        (NichiroDataset  *self,
                                                        guint           *n_states);
const NichiroPart   *nichiro_dataset_get_parts         (NichiroDataset  *self,
                                                        guint           *n_parts);
const NichiroEra    *nichiro_dataset_get_eras          (NichiroDataset  *self,
                                                        guint           *n_eras);
const NichiroThread *nichiro_dataset_get_threads       (NichiroDataset  *self,
                                                        guint           *n_threads);
const NichiroPerson *nichiro_dataset_get_people        (NichiroDataset  *self,
                                                        guint           *n_people);
const NichiroPlace  *nichiro_dataset_get_places        (NichiroDataset  *self,
                                                        guint           *n_places);
NichiroFrontier     *nichiro_dataset_get_frontier      (NichiroDataset  *self);

const NichiroState  *nichiro_dataset_lookup_state      (NichiroDataset  *self,
                                                        const char      *id);
const NichiroPart   *nichiro_dataset_lookup_part       (NichiroDataset  *self,
                                                        const char      *id);
const NichiroEra    *nichiro_dataset_lookup_era        (NichiroDataset  *self,
                                                        const char      *id);
const NichiroThread *nichiro_dataset_lookup_thread     (NichiroDataset  *self,
                                                        const char      *id);
const NichiroPerson *nichiro_dataset_lookup_person     (NichiroDataset  *self,
                                                        const char      *id);
const NichiroPlace  *nichiro_dataset_lookup_place      (NichiroDataset  *self,
                                                        const char      *id);

const char          *nichiro_state_get_name            (const NichiroState  *state,
                                                        NichiroLanguage      language);
const char          *nichiro_person_get_name           (const NichiroPerson *person,
                                                        NichiroLanguage      language);
const char          *nichiro_part_get_title            (const NichiroPart   *part,
                                                        NichiroLanguage      language);
const char          *nichiro_part_get_summary          (const NichiroPart   *part,
                                                        NichiroLanguage      language);
const char          *nichiro_thread_get_name           (const NichiroThread *thread,
                                                        NichiroLanguage      language);
const char          *nichiro_era_get_name              (const NichiroEra    *era,
                                                        NichiroLanguage      language);
const char          *nichiro_era_get_short_name        (const NichiroEra    *era,
                                                        NichiroLanguage      language);
const char          *nichiro_place_get_name            (const NichiroPlace  *place,
                                                        NichiroLanguage      language);
const char          *nichiro_place_precision_to_string (NichiroPlacePrecision precision);

G_END_DECLS
