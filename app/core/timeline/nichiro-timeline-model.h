/* nichiro-timeline-model.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-dataset.h"

G_BEGIN_DECLS

/* Times on the timeline are Julian Day Numbers as doubles: day D covers
 * [D, D + 1). Positions are pixels from the view's left edge. */

/**
 * NichiroTimelineMarker:
 * @NICHIRO_TIMELINE_MARKER_CIRCLE: an event, incident, conference or mission
 * @NICHIRO_TIMELINE_MARKER_DIAMOND: a written instrument
 * @NICHIRO_TIMELINE_MARKER_TRIANGLE: a battle or a war
 *
 * The shape that tells kinds apart without relying on colour.
 */
typedef enum
{
  NICHIRO_TIMELINE_MARKER_CIRCLE,
  NICHIRO_TIMELINE_MARKER_DIAMOND,
  NICHIRO_TIMELINE_MARKER_TRIANGLE,
} NichiroTimelineMarker;

/**
 * NichiroTimelineGroup:
 *
 * The families of kinds that share a colour (a CSS class in the widget).
 */
typedef enum
{
  NICHIRO_TIMELINE_GROUP_INSTRUMENT,
  NICHIRO_TIMELINE_GROUP_CONFLICT,
  NICHIRO_TIMELINE_GROUP_MEETING,
  NICHIRO_TIMELINE_GROUP_INCIDENT,
  NICHIRO_TIMELINE_GROUP_EVENT,
  NICHIRO_TIMELINE_N_GROUPS,
} NichiroTimelineGroup;

/**
 * NichiroTimelineCategory:
 * @NICHIRO_TIMELINE_CATEGORY_INSTRUMENTS: treaties, agreements and the
 *   other written instruments
 * @NICHIRO_TIMELINE_CATEGORY_CONFLICTS: wars and battles
 * @NICHIRO_TIMELINE_CATEGORY_EVENTS: everything else: events, incidents,
 *   conferences, missions
 *
 * The three kinds a reader groups and filters the timeline by.
 */
typedef enum
{
  NICHIRO_TIMELINE_CATEGORY_INSTRUMENTS,
  NICHIRO_TIMELINE_CATEGORY_CONFLICTS,
  NICHIRO_TIMELINE_CATEGORY_EVENTS,
  NICHIRO_TIMELINE_N_CATEGORIES,
} NichiroTimelineCategory;

/**
 * NichiroTimelineItem:
 * @entry: (transfer none): the entry, owned by the dataset
 * @title: (transfer none): the entry's full title in the model's language,
 *   see nichiro_timeline_model_set_title_language(), for tooltips and
 *   screen readers
 * @label: (transfer none): what is written beside it: the short title
 *   where the dataset gives one, else @title
 * @marker: its shape
 * @group: its colour family
 * @category: its kind, for grouping and filtering
 * @is_range: drawn as a bar from @start to @end (it has an end date)
 * @is_open: an instrument in force whose end is not known: its line runs on
 * @start: the first day
 * @end: the day after the last day of the bar or lifecycle; @start + 1 for
 *   a single day
 * @stages: the day each lifecycle stage was reached, 0 when it was not
 * @label_width: the width of @label in pixels, see
 *   nichiro_timeline_model_measure()
 * @tail: the day after the last entry of the model starts: labels near it
 *   turn before their markers rather than run past it (see
 *   nichiro_timeline_item_get_geometry())
 */
typedef struct
{
  NichiroEntry *entry;
  const char *title;
  const char *label;
  NichiroTimelineMarker marker;
  NichiroTimelineGroup group;
  NichiroTimelineCategory category;
  guint is_range : 1;
  guint is_open : 1;
  double start;
  double end;
  double stages[NICHIRO_N_STAGES];
  double label_width;
  double tail;
} NichiroTimelineItem;

/**
 * NichiroTimelineEraForm:
 * @NICHIRO_TIMELINE_ERA_NAME: the era's name
 * @NICHIRO_TIMELINE_ERA_SHORT: the dataset's short name for it, or its name
 * @NICHIRO_TIMELINE_ERA_INITIALS: the initials of its name ("RJW"), or its
 *   short name when the name is one word or written without spaces
 *
 * The ways an era can be named, longest first.
 */
typedef enum
{
  NICHIRO_TIMELINE_ERA_NAME,
  NICHIRO_TIMELINE_ERA_SHORT,
  NICHIRO_TIMELINE_ERA_INITIALS,
  NICHIRO_TIMELINE_ERA_N_FORMS,
} NichiroTimelineEraForm;

/**
 * NichiroTimelineEra:
 * @era: (transfer none): the era, owned by the dataset
 * @start: its first day
 * @end: the day after its last day
 * @names: (transfer none): its name in the interface's language, in each form
 * @widths: the width of each in pixels
 */
typedef struct
{
  const NichiroEra *era;
  double start;
  double end;
  const char *names[NICHIRO_TIMELINE_ERA_N_FORMS];
  double widths[NICHIRO_TIMELINE_ERA_N_FORMS];
} NichiroTimelineEra;

/**
 * NichiroTimelineView:
 * @start: the time at the left edge
 * @scale: pixels per day
 */
typedef struct
{
  double start;
  double scale;
} NichiroTimelineView;

/**
 * nichiro_timeline_view_time_to_x:
 * @view: where the view is
 * @time: a time
 *
 * Returns: where @time falls in @view, in pixels from its left edge
 */
static inline double
nichiro_timeline_view_time_to_x (const NichiroTimelineView *view,
                                 double                     time)
{
  return (time - view->start) * view->scale;
}

/**
 * NichiroTimelineMeasureFunc:
 * @text: a label
 * @user_data: the data given with the function
 *
 * Returns: the width @text takes when drawn, in pixels
 */
typedef double (*NichiroTimelineMeasureFunc) (const char *text,
                                              gpointer    user_data);

/* The model: the dataset's entries and eras as times, in time order */

typedef struct _NichiroTimelineModel NichiroTimelineModel;

NichiroTimelineModel      *nichiro_timeline_model_new          (NichiroDataset             *dataset);
NichiroTimelineModel      *nichiro_timeline_model_ref          (NichiroTimelineModel       *self);
void                       nichiro_timeline_model_unref        (NichiroTimelineModel       *self);
NichiroDataset            *nichiro_timeline_model_get_dataset  (NichiroTimelineModel       *self);
guint                      nichiro_timeline_model_get_n_items  (NichiroTimelineModel       *self);
const NichiroTimelineItem *nichiro_timeline_model_get_item     (NichiroTimelineModel       *self,
                                                                guint                       index);
gboolean                   nichiro_timeline_model_find         (NichiroTimelineModel       *self,
                                                                NichiroEntry               *entry,
                                                                guint                      *out_index);
const NichiroTimelineEra  *nichiro_timeline_model_get_eras     (NichiroTimelineModel       *self,
                                                                guint                      *n_eras);
void                       nichiro_timeline_model_get_bounds   (NichiroTimelineModel       *self,
                                                                double                     *out_start,
                                                                double                     *out_end);
void                       nichiro_timeline_model_get_period   (NichiroTimelineModel       *self,
                                                                double                     *out_start,
                                                                double                     *out_end);
guint                      nichiro_timeline_model_first_at_or_after (NichiroTimelineModel *self,
                                                                     double                time);
void                       nichiro_timeline_model_measure      (NichiroTimelineModel       *self,
                                                                NichiroTimelineMeasureFunc  measure,
                                                                NichiroTimelineMeasureFunc  measure_era,
                                                                gpointer                    user_data);
void                       nichiro_timeline_model_set_title_language (NichiroTimelineModel *self,
                                                                      NichiroLanguage       language);
NichiroLanguage            nichiro_timeline_model_get_title_language (NichiroTimelineModel *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroTimelineModel, nichiro_timeline_model_unref)

NichiroTimelineCategory nichiro_timeline_category_for_kind (NichiroEntryKind kind);

/* Dates */

double      nichiro_timeline_date_to_time (const NichiroDate *date);
double      nichiro_timeline_date_end     (const NichiroDate *date);
NichiroDate nichiro_timeline_time_to_date (double             time);

G_END_DECLS
