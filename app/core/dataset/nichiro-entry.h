/* nichiro-entry.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "nichiro-date.h"

G_BEGIN_DECLS

typedef enum
{
  NICHIRO_ENTRY_KIND_TREATY,
  NICHIRO_ENTRY_KIND_AGREEMENT,
  NICHIRO_ENTRY_KIND_CONVENTION,
  NICHIRO_ENTRY_KIND_PROTOCOL,
  NICHIRO_ENTRY_KIND_DECLARATION,
  NICHIRO_ENTRY_KIND_PACT,
  NICHIRO_ENTRY_KIND_WAR,
  NICHIRO_ENTRY_KIND_BATTLE,
  NICHIRO_ENTRY_KIND_CONFERENCE,
  NICHIRO_ENTRY_KIND_INCIDENT,
  NICHIRO_ENTRY_KIND_MISSION,
  NICHIRO_ENTRY_KIND_EVENT,
  NICHIRO_N_ENTRY_KINDS,
} NichiroEntryKind;

typedef enum
{
  NICHIRO_STAGE_RATIFIED,
  NICHIRO_STAGE_RATIFICATIONS_EXCHANGED,
  NICHIRO_STAGE_IN_FORCE,
  NICHIRO_STAGE_NOTICE,
  NICHIRO_STAGE_ENDED,
  NICHIRO_N_STAGES,
} NichiroStage;

/**
 * NichiroEndStatus:
 * @NICHIRO_END_UNKNOWN: the dataset does not say how the instrument ended
 * @NICHIRO_END_EXPIRED: it ran to the end of its term
 * @NICHIRO_END_DENOUNCED: a party gave notice and it ended when the notice
 *   took effect
 * @NICHIRO_END_ABROGATED: a party or both set it aside at once
 * @NICHIRO_END_ANNULLED_BY_WAR: war between the parties ended it
 * @NICHIRO_END_SUPERSEDED: a later instrument replaced it
 * @NICHIRO_END_REPUDIATED: a party disowned it (the Soviet government and
 *   the tsarist secret treaties)
 * @NICHIRO_END_EXECUTED: it was carried out and so spent (a sale, a
 *   transfer, a ceasefire)
 * @NICHIRO_END_NO_FORMAL_END: no act ended it; if a date is given, it
 *   ceased to operate in practice then
 * @NICHIRO_END_DISPUTED: the parties disagree on whether or when it ended
 * @NICHIRO_END_STILL_IN_FORCE: it is in force today
 *
 * How an instrument's life ended, or why it has no end.
 */
typedef enum
{
  NICHIRO_END_UNKNOWN,
  NICHIRO_END_EXPIRED,
  NICHIRO_END_DENOUNCED,
  NICHIRO_END_ABROGATED,
  NICHIRO_END_ANNULLED_BY_WAR,
  NICHIRO_END_SUPERSEDED,
  NICHIRO_END_REPUDIATED,
  NICHIRO_END_EXECUTED,
  NICHIRO_END_NO_FORMAL_END,
  NICHIRO_END_DISPUTED,
  NICHIRO_END_STILL_IN_FORCE,
  NICHIRO_N_END_STATUSES,
} NichiroEndStatus;

typedef enum
{
  NICHIRO_RELATION_SUPERSEDES,
  NICHIRO_RELATION_CONFIRMS,
  NICHIRO_RELATION_EXTENDS,
  NICHIRO_RELATION_IMPLEMENTS,
  NICHIRO_RELATION_RENOUNCES,
  NICHIRO_RELATION_RESPONDS_TO,
  NICHIRO_RELATION_LEADS_TO,
  NICHIRO_RELATION_PART_OF,
  NICHIRO_RELATION_SEE_ALSO,
  NICHIRO_N_RELATIONS,
} NichiroRelation;

/**
 * NichiroLanguage:
 * @NICHIRO_LANGUAGE_EN: English
 * @NICHIRO_LANGUAGE_JA: Japanese
 * @NICHIRO_LANGUAGE_RU: Russian
 *
 * The languages the dataset gives names in.
 */
typedef enum
{
  NICHIRO_LANGUAGE_EN,
  NICHIRO_LANGUAGE_JA,
  NICHIRO_LANGUAGE_RU,
  NICHIRO_N_LANGUAGES,
} NichiroLanguage;

#define NICHIRO_TYPE_LANGUAGE (nichiro_language_get_type ())

GType                   nichiro_language_get_type         (void) G_GNUC_CONST;
const char             *nichiro_language_to_string        (NichiroLanguage   language);
gboolean                nichiro_language_from_string      (const char       *text,
                                                           NichiroLanguage  *out_language);
NichiroLanguage         nichiro_language_from_locale      (const char * const *language_names);
NichiroLanguage         nichiro_language_from_setting     (const char       *value);
NichiroLanguage         nichiro_language_get_interface    (void);
gboolean                nichiro_language_get_mapping      (GValue           *value,
                                                           GVariant         *variant,
                                                           gpointer          user_data);

/**
 * NichiroNames:
 * @en: the English name (never %NULL in a loaded dataset)
 * @ja: (nullable): the Japanese name
 * @ru: (nullable): the Russian name
 */
typedef struct
{
  char *en;
  char *ja;
  char *ru;
} NichiroNames;

typedef struct
{
  char *person_id;
  NichiroNames name;
  char *side;
  char *office;
} NichiroSignatory;

typedef struct
{
  NichiroStage stage;
  NichiroDate date;
  NichiroDate date_old_style;
  char *note;
} NichiroLifecycleStep;

typedef struct
{
  char *number;
  char *text;
  gboolean secret;
} NichiroArticle;

typedef struct
{
  char *id;
  NichiroRelation relation;
} NichiroRelated;

typedef struct
{
  char *title;
  char *url;
} NichiroSource;

/**
 * NichiroEndView:
 * @parties: (array zero-terminated=1): the states that hold this view
 * @date: the first day they held the instrument no longer in force; not
 *   set if they held it still in force
 * @date_old_style: the same day Old Style, when Russia's calendar applies
 * @note: their reasons, in brief
 *
 * One side's account of a disputed end.
 */
typedef struct
{
  char **parties;
  NichiroDate date;
  NichiroDate date_old_style;
  char *note;
} NichiroEndView;

/**
 * NichiroEnd:
 * @articles: (array zero-terminated=1) (nullable): for a partial end, the
 *   articles that ended; %NULL for the end of the whole instrument
 * @status: how it ended
 * @date: the first day it no longer bound the parties; not set when it
 *   has none (still in force, disputed, no formal end)
 * @date_old_style: the same day Old Style, when Russia's calendar applies
 * @by: (array zero-terminated=1): ids of the entries that ended it (the
 *   superseding treaty, the war), possibly empty
 * @note: what happened, in brief
 * @sources: (array length=n_sources): where that is told
 * @n_sources: the number of sources, at least one
 * @views: (array length=n_views): for a disputed end, each side's account
 * @n_views: the number of views, 0 unless @status is disputed
 *
 * How an instrument, or some of its articles, ceased to be in force.
 */
typedef struct
{
  char **articles;
  NichiroEndStatus status;
  NichiroDate date;
  NichiroDate date_old_style;
  char **by;
  char *note;
  NichiroSource *sources;
  guint n_sources;
  NichiroEndView *views;
  guint n_views;
} NichiroEnd;

const char             *nichiro_names_get                 (const NichiroNames *names,
                                                           NichiroLanguage   language);

#define NICHIRO_TYPE_ENTRY (nichiro_entry_get_type ())

G_DECLARE_FINAL_TYPE (NichiroEntry, nichiro_entry, NICHIRO, ENTRY, GObject)

const char             *nichiro_entry_kind_to_string      (NichiroEntryKind  kind);
const char             *nichiro_entry_kind_get_label      (NichiroEntryKind  kind);
gboolean                nichiro_entry_kind_from_string    (const char       *text,
                                                           NichiroEntryKind *out_kind);
gboolean                nichiro_entry_kind_is_instrument  (NichiroEntryKind  kind);
const char             *nichiro_stage_to_string           (NichiroStage      stage);
const char             *nichiro_stage_get_label           (NichiroStage      stage);
gboolean                nichiro_stage_from_string         (const char       *text,
                                                           NichiroStage     *out_stage);
const char             *nichiro_end_status_to_string      (NichiroEndStatus  status);
const char             *nichiro_end_status_get_label      (NichiroEndStatus  status);
gboolean                nichiro_end_status_from_string    (const char       *text,
                                                           NichiroEndStatus *out_status);
const char             *nichiro_relation_to_string        (NichiroRelation   relation);
const char             *nichiro_relation_get_label        (NichiroRelation   relation);
const char             *nichiro_relation_get_inverse_label (NichiroRelation  relation);
gboolean                nichiro_relation_from_string      (const char       *text,
                                                           NichiroRelation  *out_relation);

const char             *nichiro_entry_get_id              (NichiroEntry     *self);
NichiroEntryKind        nichiro_entry_get_kind            (NichiroEntry     *self);
const char             *nichiro_entry_get_title           (NichiroEntry     *self);
const NichiroNames     *nichiro_entry_get_titles          (NichiroEntry     *self);
const char             *nichiro_entry_get_display_title   (NichiroEntry     *self,
                                                           NichiroLanguage   language);
const NichiroNames     *nichiro_entry_get_short_titles    (NichiroEntry     *self);
const char             *nichiro_entry_get_short_title     (NichiroEntry     *self,
                                                           NichiroLanguage   language);
const char * const     *nichiro_entry_get_former_ids      (NichiroEntry     *self);
const char * const     *nichiro_entry_get_aliases         (NichiroEntry     *self);
const NichiroDate      *nichiro_entry_get_date            (NichiroEntry     *self);
const NichiroDate      *nichiro_entry_get_date_old_style  (NichiroEntry     *self);
const NichiroDate      *nichiro_entry_get_end_date        (NichiroEntry     *self);
const NichiroDate      *nichiro_entry_get_end_date_old_style (NichiroEntry  *self);
const NichiroDate      *nichiro_entry_get_stage_date      (NichiroEntry     *self,
                                                           NichiroStage      stage);
const NichiroLifecycleStep *nichiro_entry_get_lifecycle   (NichiroEntry     *self,
                                                           guint            *n_steps);
const NichiroDate      *nichiro_entry_get_in_force_date   (NichiroEntry     *self);
const NichiroEnd       *nichiro_entry_get_end             (NichiroEntry     *self);
const NichiroEnd       *nichiro_entry_get_partial_ends    (NichiroEntry     *self,
                                                           guint            *n_ends);
const char             *nichiro_entry_get_place           (NichiroEntry     *self);
const char * const     *nichiro_entry_get_places          (NichiroEntry     *self);
const char * const     *nichiro_entry_get_parties         (NichiroEntry     *self);
const NichiroSignatory *nichiro_entry_get_signatories     (NichiroEntry     *self,
                                                           guint            *n_signatories);
const char             *nichiro_entry_get_summary         (NichiroEntry     *self);
const NichiroArticle   *nichiro_entry_get_articles        (NichiroEntry     *self,
                                                           guint            *n_articles);
const char             *nichiro_entry_get_significance    (NichiroEntry     *self);
const NichiroRelated   *nichiro_entry_get_related         (NichiroEntry     *self,
                                                           guint            *n_related);
const char * const     *nichiro_entry_get_threads         (NichiroEntry     *self);
const char             *nichiro_entry_get_part            (NichiroEntry     *self);
const NichiroSource    *nichiro_entry_get_sources         (NichiroEntry     *self,
                                                           guint            *n_sources);
const char             *nichiro_entry_get_notes           (NichiroEntry     *self);
char                   *nichiro_entry_dup_japanese_era    (NichiroEntry     *self,
                                                           NichiroEraScript  script);
gboolean                nichiro_entry_get_era_override    (NichiroEntry     *self,
                                                           const char      **out_era_romaji,
                                                           int              *out_era_year);
char                   *nichiro_entry_dup_date_label      (NichiroEntry     *self);
char                   *nichiro_entry_dup_dates_text      (NichiroEntry     *self);
char                   *nichiro_entry_dup_date_span       (NichiroEntry     *self);
char                   *nichiro_entry_format_date         (const NichiroDate *date,
                                                           const NichiroDate *old_style,
                                                           gboolean          with_era);
JsonNode               *nichiro_entry_to_json             (NichiroEntry     *self);
JsonNode               *nichiro_end_to_json               (const NichiroEnd *end);
void                    nichiro_json_add_date             (JsonBuilder       *builder,
                                                           const char        *member,
                                                           const NichiroDate *date);
void                    nichiro_json_add_string           (JsonBuilder       *builder,
                                                           const char        *member,
                                                           const char        *value);

G_END_DECLS
