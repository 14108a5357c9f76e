/* nichiro-entry.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-entry-private.h"

G_DEFINE_FINAL_TYPE (NichiroEntry, nichiro_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND_LABEL,
  PROP_TITLE,
  PROP_DATE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *name;
  const char *label;
} Keyword;

/* Indexed by NichiroEntryKind. */
static const Keyword kinds[] = {
  { "treaty", N_("Treaty") },
  { "agreement", N_("Agreement") },
  { "convention", N_("Convention") },
  { "protocol", N_("Protocol") },
  { "declaration", N_("Declaration") },
  { "pact", N_("Pact") },
  { "war", N_("War") },
  { "battle", N_("Battle") },
  { "conference", N_("Conference") },
  { "incident", N_("Incident") },
  { "mission", N_("Mission") },
  { "event", N_("Event") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == NICHIRO_N_ENTRY_KINDS);

/* Indexed by NichiroStage. */
static const Keyword stages[] = {
  { "ratified", N_("Ratified") },
  { "ratifications-exchanged", N_("Ratifications exchanged") },
  { "in-force", N_("In force") },
  { "notice", N_("Notice given") },
  { "ended", N_("Ended") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (stages) == NICHIRO_N_STAGES);

/* Indexed by NichiroEndStatus; the first is not a keyword of the format. */
static const Keyword end_statuses[] = {
  { "", N_("No end recorded") },
  { "expired", N_("Expired") },
  { "denounced", N_("Denounced") },
  { "abrogated", N_("Abrogated") },
  { "annulled-by-war", N_("Annulled by war") },
  { "superseded", N_("Superseded") },
  { "repudiated", N_("Repudiated") },
  { "executed", N_("Executed and spent") },
  { "no-formal-end", N_("No formal end") },
  { "disputed", N_("Disputed") },
  { "still-in-force", N_("Still in force") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (end_statuses) == NICHIRO_N_END_STATUSES);

/* Indexed by NichiroRelation. */
static const Keyword relations[] = {
  { "supersedes", N_("Supersedes") },
  { "confirms", N_("Confirms") },
  { "extends", N_("Extends") },
  { "implements", N_("Implements") },
  { "renounces", N_("Renounces") },
  { "responds-to", N_("Responds to") },
  { "leads-to", N_("Leads to") },
  { "part-of", N_("Part of") },
  { "see-also", N_("See also") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (relations) == NICHIRO_N_RELATIONS);

/* The same relations read from the other end: if A supersedes B, B is
 * superseded by A. Indexed by NichiroRelation. */
static const char * const inverse_relations[] = {
  N_("Superseded by"),
  N_("Confirmed by"),
  N_("Extended by"),
  N_("Implemented by"),
  N_("Renounced by"),
  N_("Answered by"),
  N_("Follows from"),
  N_("Includes"),
  N_("See also"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (inverse_relations) == NICHIRO_N_RELATIONS);

/* Indexed by NichiroLanguage: the ISO 639-1 codes, as in the dataset. */
static const char * const languages[] = { "en", "ja", "ru" };
G_STATIC_ASSERT (G_N_ELEMENTS (languages) == NICHIRO_N_LANGUAGES);

G_DEFINE_ENUM_TYPE (NichiroLanguage, nichiro_language,
  G_DEFINE_ENUM_VALUE (NICHIRO_LANGUAGE_EN, "en"),
  G_DEFINE_ENUM_VALUE (NICHIRO_LANGUAGE_JA, "ja"),
  G_DEFINE_ENUM_VALUE (NICHIRO_LANGUAGE_RU, "ru"))

static gboolean
keyword_lookup (const Keyword *table,
                guint          n_items,
                const char    *text,
                guint         *out_index)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      if (g_str_equal (table[i].name, text))
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
nichiro_language_to_string (NichiroLanguage language)
{
  g_return_val_if_fail (language < NICHIRO_N_LANGUAGES, NULL);

  return languages[language];
}

gboolean
nichiro_language_from_string (const char      *text,
                              NichiroLanguage *out_language)
{
  g_return_val_if_fail (out_language != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (languages); i++)
    {
      if (g_str_equal (text, languages[i]))
        {
          *out_language = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * nichiro_language_from_locale:
 * @language_names: (array zero-terminated=1): locale names in order of
 *   preference, as g_get_language_names() gives them
 *
 * Picks the language the user interface is shown in: the first of
 * @language_names that is English, Japanese or Russian. A locale without a
 * translation (German, say) is passed over, as gettext passes over it; "C"
 * and "POSIX" are English, and so is a list with none of the three.
 *
 * Returns: the language
 */
NichiroLanguage
nichiro_language_from_locale (const char * const *language_names)
{
  for (guint i = 0; language_names != NULL && language_names[i] != NULL; i++)
    {
      const char *name = language_names[i];
      g_autofree char *code = g_strndup (name, strcspn (name, "_.@"));
      NichiroLanguage language;

      if (g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
        return NICHIRO_LANGUAGE_EN;
      if (nichiro_language_from_string (code, &language))
        return language;
    }

  return NICHIRO_LANGUAGE_EN;
}

/**
 * nichiro_language_from_setting:
 * @value: (nullable): a value of the title-language setting: "follow",
 *   "en", "ja" or "ru"
 *
 * Returns: the language @value names; for "follow" (or anything else) the
 *   user interface's language, see nichiro_language_from_locale()
 */
NichiroLanguage
nichiro_language_from_setting (const char *value)
{
  NichiroLanguage language;

  if (nichiro_language_from_string (value, &language))
    return language;

  return nichiro_language_get_interface ();
}

/**
 * nichiro_language_get_interface:
 *
 * The language the user interface is shown in, which names of states,
 * people, parts, threads, eras and places follow wherever the interface
 * shows them (entry titles follow the title-language setting).
 *
 * Returns: the language, see nichiro_language_from_locale()
 */
NichiroLanguage
nichiro_language_get_interface (void)
{
  return nichiro_language_from_locale ((const char * const *) g_get_language_names ());
}

/**
 * nichiro_language_get_mapping:
 * @value: (out caller-allocates): a #GValue of type #NICHIRO_TYPE_LANGUAGE
 * @variant: the setting: "follow", "en", "ja" or "ru"
 * @user_data: unused
 *
 * A #GSettingsBindGetMapping for the title-language key: "follow" becomes
 * the user interface's language (nichiro_language_from_setting()).
 *
 * Returns: %TRUE
 */
gboolean
nichiro_language_get_mapping (GValue   *value,
                              GVariant *variant,
                              gpointer  user_data)
{
  g_value_set_enum (value, nichiro_language_from_setting (g_variant_get_string (variant, NULL)));
  return TRUE;
}

/**
 * nichiro_names_get:
 * @names: a name in three languages
 * @language: the language wanted
 *
 * Returns: the name in @language, or in English when the dataset does
 *   not give it in @language
 */
const char *
nichiro_names_get (const NichiroNames *names,
                   NichiroLanguage     language)
{
  const char *name = NULL;

  g_return_val_if_fail (names != NULL, NULL);

  if (language == NICHIRO_LANGUAGE_JA)
    name = names->ja;
  else if (language == NICHIRO_LANGUAGE_RU)
    name = names->ru;

  return name != NULL && *name != '\0' ? name : names->en;
}

void
nichiro_names_clear (NichiroNames *names)
{
  g_clear_pointer (&names->en, g_free);
  g_clear_pointer (&names->ja, g_free);
  g_clear_pointer (&names->ru, g_free);
}

static void
signatory_clear (gpointer data)
{
  NichiroSignatory *signatory = data;

  g_clear_pointer (&signatory->person_id, g_free);
  nichiro_names_clear (&signatory->name);
  g_clear_pointer (&signatory->side, g_free);
  g_clear_pointer (&signatory->office, g_free);
}

static void
step_clear (gpointer data)
{
  NichiroLifecycleStep *step = data;

  g_clear_pointer (&step->note, g_free);
}

static void
article_clear (gpointer data)
{
  NichiroArticle *article = data;

  g_clear_pointer (&article->number, g_free);
  g_clear_pointer (&article->text, g_free);
}

static void
related_clear (gpointer data)
{
  NichiroRelated *related = data;

  g_clear_pointer (&related->id, g_free);
}

static void
source_clear (gpointer data)
{
  NichiroSource *source = data;

  g_clear_pointer (&source->title, g_free);
  g_clear_pointer (&source->url, g_free);
}

static void
sources_free (NichiroSource *sources,
              guint          n_sources)
{
  for (guint i = 0; i < n_sources; i++)
    source_clear (&sources[i]);
  g_free (sources);
}

void
_nichiro_end_clear (NichiroEnd *end)
{
  g_clear_pointer (&end->articles, g_strfreev);
  g_clear_pointer (&end->by, g_strfreev);
  g_clear_pointer (&end->note, g_free);
  sources_free (g_steal_pointer (&end->sources), end->n_sources);
  end->n_sources = 0;
  for (guint i = 0; i < end->n_views; i++)
    {
      g_strfreev (end->views[i].parties);
      g_free (end->views[i].note);
    }
  g_clear_pointer (&end->views, g_free);
  end->n_views = 0;
}

static void
end_free (NichiroEnd *end)
{
  _nichiro_end_clear (end);
  g_free (end);
}

static void
partial_end_clear (gpointer data)
{
  _nichiro_end_clear (data);
}

static GArray *
new_array (gsize          element_size,
           GDestroyNotify clear_func)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  g_array_set_clear_func (array, clear_func);
  return array;
}

static void
add_date (JsonBuilder       *builder,
          const char        *member,
          const NichiroDate *date)
{
  g_autofree char *iso = nichiro_date_to_iso (date);

  json_builder_set_member_name (builder, member);
  if (iso != NULL)
    json_builder_add_string_value (builder, iso);
  else
    json_builder_add_null_value (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_names (JsonBuilder        *builder,
           const char         *member,
           const NichiroNames *names)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  add_string (builder, "en", names->en);
  add_string (builder, "ja", names->ja);
  add_string (builder, "ru", names->ru);
  json_builder_end_object (builder);
}

static void
add_sources (JsonBuilder         *builder,
             const NichiroSource *sources,
             guint                n_sources)
{
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_sources; i++)
    {
      json_builder_begin_object (builder);
      add_string (builder, "title", sources[i].title);
      add_string (builder, "url", sources[i].url);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_end_members (JsonBuilder      *builder,
                 const NichiroEnd *end)
{
  if (end->articles != NULL)
    add_strv (builder, "articles", (const char * const *) end->articles);
  add_string (builder, "status", nichiro_end_status_to_string (end->status));
  add_date (builder, "date", &end->date);
  add_date (builder, "date_old_style", &end->date_old_style);
  add_strv (builder, "by", (const char * const *) end->by);
  add_string (builder, "note", end->note);

  if (end->articles == NULL)
    {
      json_builder_set_member_name (builder, "views");
      json_builder_begin_array (builder);
      for (guint i = 0; i < end->n_views; i++)
        {
          json_builder_begin_object (builder);
          add_strv (builder, "parties", (const char * const *) end->views[i].parties);
          add_date (builder, "date", &end->views[i].date);
          add_date (builder, "date_old_style", &end->views[i].date_old_style);
          add_string (builder, "note", end->views[i].note);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  add_sources (builder, end->sources, end->n_sources);
}

/**
 * nichiro_end_to_json:
 * @end: (nullable): an end, whole or partial
 *
 * The end as the command line's `--json` prints it: `{status, date,
 * date_old_style, by, note, views, sources}`, with `articles` instead of
 * `views` for a partial end.
 *
 * Returns: (transfer full): a JSON object node, or a null node for %NULL
 */
JsonNode *
nichiro_end_to_json (const NichiroEnd *end)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (end == NULL)
    return json_node_new (JSON_NODE_NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  add_end_members (builder, end);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
nichiro_entry_finalize (GObject *object)
{
  NichiroEntry *self = (NichiroEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->former_ids, g_strfreev);
  nichiro_names_clear (&self->title);
  nichiro_names_clear (&self->short_title);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->era_override, g_free);
  g_clear_pointer (&self->lifecycle, g_array_unref);
  g_clear_pointer (&self->end, end_free);
  g_clear_pointer (&self->partial_ends, g_array_unref);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->places, g_strfreev);
  g_clear_pointer (&self->parties, g_strfreev);
  g_clear_pointer (&self->signatories, g_array_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->articles, g_array_unref);
  g_clear_pointer (&self->significance, g_free);
  g_clear_pointer (&self->related, g_array_unref);
  g_clear_pointer (&self->threads, g_strfreev);
  g_clear_pointer (&self->part, g_free);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->date_label, g_free);

  G_OBJECT_CLASS (nichiro_entry_parent_class)->finalize (object);
}

static void
nichiro_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NichiroEntry *self = NICHIRO_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND_LABEL:
      g_value_set_string (value, nichiro_entry_kind_get_label (self->kind));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title.en);
      break;

    case PROP_DATE_LABEL:
      g_value_set_string (value, self->date_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_entry_class_init (NichiroEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_entry_finalize;
  object_class->get_property = nichiro_entry_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE_LABEL] =
    g_param_spec_string ("date-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nichiro_entry_init (NichiroEntry *self)
{
  self->lifecycle = new_array (sizeof (NichiroLifecycleStep), step_clear);
  self->partial_ends = new_array (sizeof (NichiroEnd), partial_end_clear);
  self->signatories = new_array (sizeof (NichiroSignatory), signatory_clear);
  self->articles = new_array (sizeof (NichiroArticle), article_clear);
  self->related = new_array (sizeof (NichiroRelated), related_clear);
  self->sources = new_array (sizeof (NichiroSource), source_clear);
}

NichiroEntry *
_nichiro_entry_new (void)
{
  return g_object_new (NICHIRO_TYPE_ENTRY, NULL);
}

/* Called by the loader once every field is filled. */
void
_nichiro_entry_seal (NichiroEntry *self)
{
  g_autofree char *start = nichiro_date_format_short (&self->date);

  g_clear_pointer (&self->date_label, g_free);
  if (nichiro_date_is_set (&self->end_date) && nichiro_date_compare (&self->date, &self->end_date) != 0)
    {
      g_autofree char *end = nichiro_date_format_short (&self->end_date);

      /* Translators: a range of dates, e.g. "8 Feb 1904 – 5 Sep 1905" */
      self->date_label = g_strdup_printf (_("%s – %s"), start, end);
    }
  else
    {
      self->date_label = g_steal_pointer (&start);
    }
}

const char *
nichiro_entry_kind_to_string (NichiroEntryKind kind)
{
  g_return_val_if_fail (kind < NICHIRO_N_ENTRY_KINDS, NULL);

  return kinds[kind].name;
}

const char *
nichiro_entry_kind_get_label (NichiroEntryKind kind)
{
  g_return_val_if_fail (kind < NICHIRO_N_ENTRY_KINDS, NULL);

  return _(kinds[kind].label);
}

gboolean
nichiro_entry_kind_from_string (const char       *text,
                                NichiroEntryKind *out_kind)
{
  guint index;

  if (!keyword_lookup (kinds, G_N_ELEMENTS (kinds), text, &index))
    return FALSE;
  *out_kind = index;
  return TRUE;
}

/**
 * nichiro_entry_kind_is_instrument:
 * @kind: an entry kind
 *
 * Whether entries of @kind are written instruments (treaties, agreements,
 * conventions, protocols, declarations, pacts): they have signatories,
 * articles and a lifecycle.
 */
gboolean
nichiro_entry_kind_is_instrument (NichiroEntryKind kind)
{
  return kind <= NICHIRO_ENTRY_KIND_PACT;
}

const char *
nichiro_stage_to_string (NichiroStage stage)
{
  g_return_val_if_fail (stage < NICHIRO_N_STAGES, NULL);

  return stages[stage].name;
}

const char *
nichiro_stage_get_label (NichiroStage stage)
{
  g_return_val_if_fail (stage < NICHIRO_N_STAGES, NULL);

  return _(stages[stage].label);
}

gboolean
nichiro_stage_from_string (const char   *text,
                           NichiroStage *out_stage)
{
  guint index;

  if (!keyword_lookup (stages, G_N_ELEMENTS (stages), text, &index))
    return FALSE;
  *out_stage = index;
  return TRUE;
}

/**
 * nichiro_end_status_to_string:
 * @status: an end status
 *
 * Returns: (nullable): the keyword the dataset format uses, such as
 *   `annulled-by-war`; %NULL for %NICHIRO_END_UNKNOWN
 */
const char *
nichiro_end_status_to_string (NichiroEndStatus status)
{
  g_return_val_if_fail (status < NICHIRO_N_END_STATUSES, NULL);

  return status == NICHIRO_END_UNKNOWN ? NULL : end_statuses[status].name;
}

const char *
nichiro_end_status_get_label (NichiroEndStatus status)
{
  g_return_val_if_fail (status < NICHIRO_N_END_STATUSES, NULL);

  return _(end_statuses[status].label);
}

gboolean
nichiro_end_status_from_string (const char       *text,
                                NichiroEndStatus *out_status)
{
  guint index;

  if (text == NULL || text[0] == '\0' ||
      !keyword_lookup (end_statuses, G_N_ELEMENTS (end_statuses), text, &index))
    return FALSE;
  *out_status = index;
  return TRUE;
}

const char *
nichiro_relation_to_string (NichiroRelation relation)
{
  g_return_val_if_fail (relation < NICHIRO_N_RELATIONS, NULL);

  return relations[relation].name;
}

const char *
nichiro_relation_get_label (NichiroRelation relation)
{
  g_return_val_if_fail (relation < NICHIRO_N_RELATIONS, NULL);

  return _(relations[relation].label);
}

/**
 * nichiro_relation_get_inverse_label:
 * @relation: a relation
 *
 * The relation as seen from the entry it points to: "Superseded by" for
 * supersedes, "Follows from" for leads-to; "See also" stays itself.
 *
 * Returns: the label, translated
 */
const char *
nichiro_relation_get_inverse_label (NichiroRelation relation)
{
  g_return_val_if_fail (relation < NICHIRO_N_RELATIONS, NULL);

  return _(inverse_relations[relation]);
}

gboolean
nichiro_relation_from_string (const char      *text,
                              NichiroRelation *out_relation)
{
  guint index;

  if (!keyword_lookup (relations, G_N_ELEMENTS (relations), text, &index))
    return FALSE;
  *out_relation = index;
  return TRUE;
}

const char *
nichiro_entry_get_id (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->id;
}

NichiroEntryKind
nichiro_entry_get_kind (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NICHIRO_ENTRY_KIND_EVENT);

  return self->kind;
}

/**
 * nichiro_entry_get_title:
 * @self: an entry
 *
 * Returns: the English title
 */
const char *
nichiro_entry_get_title (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->title.en;
}

const NichiroNames *
nichiro_entry_get_titles (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->title;
}

/**
 * nichiro_entry_get_display_title:
 * @self: an entry
 * @language: the language the reader chose for titles
 *
 * The title that leads wherever the entry is named: in lists, on the
 * timeline, at the top of the detail view.
 *
 * Returns: the title in @language, or the English one when there is none
 */
const char *
nichiro_entry_get_display_title (NichiroEntry    *self,
                                 NichiroLanguage  language)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return nichiro_names_get (&self->title, language);
}

/**
 * nichiro_entry_get_short_titles:
 * @self: an entry
 *
 * Returns: the short titles given for crowded places such as the timeline
 *   ("Portsmouth 1905"); every member is %NULL when the dataset gives none
 */
const NichiroNames *
nichiro_entry_get_short_titles (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->short_title;
}

/**
 * nichiro_entry_get_short_title:
 * @self: an entry
 * @language: the language the reader chose for titles
 *
 * Returns: the short title in @language, else the English short title,
 *   else the display title (nichiro_entry_get_display_title())
 */
const char *
nichiro_entry_get_short_title (NichiroEntry    *self,
                               NichiroLanguage  language)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  if (self->short_title.en == NULL)
    return nichiro_entry_get_display_title (self, language);

  return nichiro_names_get (&self->short_title, language);
}

/**
 * nichiro_entry_get_former_ids:
 * @self: an entry
 *
 * Returns: (array zero-terminated=1): ids the entry had in earlier versions
 *   of its dataset, which nichiro_dataset_lookup_entry() still accepts
 */
const char * const *
nichiro_entry_get_former_ids (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return (const char * const *) self->former_ids;
}

const char * const *
nichiro_entry_get_aliases (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return (const char * const *) self->aliases;
}

/**
 * nichiro_entry_get_date:
 * @self: an entry
 *
 * The entry's date, New Style: the signing date for an instrument, the
 * start for a range such as a war.
 */
const NichiroDate *
nichiro_entry_get_date (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->date;
}

const NichiroDate *
nichiro_entry_get_date_old_style (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->date_old_style;
}

const NichiroDate *
nichiro_entry_get_end_date (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->end_date;
}

const NichiroDate *
nichiro_entry_get_end_date_old_style (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->end_date_old_style;
}

/**
 * nichiro_entry_get_stage_date:
 * @self: an entry
 * @stage: a lifecycle stage
 *
 * Returns: the date @stage was reached, or a date that is not set
 */
const NichiroDate *
nichiro_entry_get_stage_date (NichiroEntry *self,
                              NichiroStage  stage)
{
  static const NichiroDate none = { 0, 0, 0, NICHIRO_DATE_PRECISION_NONE };

  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  for (guint i = 0; i < self->lifecycle->len; i++)
    {
      const NichiroLifecycleStep *step = &g_array_index (self->lifecycle, NichiroLifecycleStep, i);

      if (step->stage == stage)
        return &step->date;
    }

  return &none;
}

const NichiroLifecycleStep *
nichiro_entry_get_lifecycle (NichiroEntry *self,
                             guint        *n_steps)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_steps != NULL, NULL);

  *n_steps = self->lifecycle->len;
  return (const NichiroLifecycleStep *) (gpointer) self->lifecycle->data;
}

/**
 * nichiro_entry_get_in_force_date:
 * @self: an entry
 *
 * Returns: the day an instrument came into force: its in-force stage, or
 *   its date of signature when the dataset gives no such stage
 */
const NichiroDate *
nichiro_entry_get_in_force_date (NichiroEntry *self)
{
  const NichiroDate *in_force;

  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  in_force = nichiro_entry_get_stage_date (self, NICHIRO_STAGE_IN_FORCE);
  return nichiro_date_is_set (in_force) ? in_force : &self->date;
}

/**
 * nichiro_entry_get_end:
 * @self: an entry
 *
 * Returns: (nullable): how the instrument ended, or %NULL when the dataset
 *   does not say (entries that are not instruments never have one)
 */
const NichiroEnd *
nichiro_entry_get_end (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->end;
}

/**
 * nichiro_entry_get_partial_ends:
 * @self: an entry
 * @n_ends: (out): the number of partial ends
 *
 * Returns: (array length=n_ends): the articles that ended while the rest of
 *   the instrument stayed in force, in the dataset's order
 */
const NichiroEnd *
nichiro_entry_get_partial_ends (NichiroEntry *self,
                                guint        *n_ends)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_ends != NULL, NULL);

  *n_ends = self->partial_ends->len;
  return (const NichiroEnd *) (gpointer) self->partial_ends->data;
}

/**
 * nichiro_entry_get_place:
 * @self: an entry
 *
 * Returns: (nullable): where it happened, in words
 */
const char *
nichiro_entry_get_place (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->place;
}

/**
 * nichiro_entry_get_places:
 * @self: an entry
 *
 * Returns: (array zero-terminated=1): ids of the dataset's places where it
 *   happened, for the map (nichiro_dataset_lookup_place())
 */
const char * const *
nichiro_entry_get_places (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return (const char * const *) self->places;
}

const char * const *
nichiro_entry_get_parties (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return (const char * const *) self->parties;
}

const NichiroSignatory *
nichiro_entry_get_signatories (NichiroEntry *self,
                               guint        *n_signatories)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_signatories != NULL, NULL);

  *n_signatories = self->signatories->len;
  return (const NichiroSignatory *) (gpointer) self->signatories->data;
}

const char *
nichiro_entry_get_summary (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->summary;
}

const NichiroArticle *
nichiro_entry_get_articles (NichiroEntry *self,
                            guint        *n_articles)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_articles != NULL, NULL);

  *n_articles = self->articles->len;
  return (const NichiroArticle *) (gpointer) self->articles->data;
}

const char *
nichiro_entry_get_significance (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->significance;
}

const NichiroRelated *
nichiro_entry_get_related (NichiroEntry *self,
                           guint        *n_related)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_related != NULL, NULL);

  *n_related = self->related->len;
  return (const NichiroRelated *) (gpointer) self->related->data;
}

const char * const *
nichiro_entry_get_threads (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return (const char * const *) self->threads;
}

const char *
nichiro_entry_get_part (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->part;
}

const NichiroSource *
nichiro_entry_get_sources (NichiroEntry *self,
                           guint        *n_sources)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_sources != NULL, NULL);

  *n_sources = self->sources->len;
  return (const NichiroSource *) (gpointer) self->sources->data;
}

const char *
nichiro_entry_get_notes (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->notes;
}

/**
 * nichiro_entry_dup_date_label:
 * @self: an entry
 *
 * Returns: (transfer full): the entry's date or date range, short, for lists
 */
char *
nichiro_entry_dup_date_label (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return g_strdup (self->date_label);
}

static char *
format_date_with_era (const NichiroDate *date,
                      const NichiroDate *old_style,
                      const char        *era_text)
{
  g_autofree char *new_text = NULL;
  g_autofree char *old_text = NULL;
  GString *text;

  new_text = nichiro_date_format (date);
  if (new_text == NULL)
    return g_strdup ("");

  text = g_string_new (new_text);
  if (old_style != NULL && nichiro_date_is_set (old_style))
    old_text = nichiro_date_format_old_style (old_style, date);
  if (old_text != NULL)
    g_string_append_printf (text, " (%s)", old_text);
  if (era_text != NULL)
    g_string_append_printf (text, " — %s", era_text);

  return g_string_free (text, FALSE);
}

/**
 * nichiro_entry_format_date:
 * @date: a New Style date
 * @old_style: (nullable): the same day Old Style, if it applies
 * @with_era: whether to add the Japanese era year
 *
 * Writes a date the way the detail view and the command line show it:
 * "5 September 1905 (23 August O.S.) — Meiji 38", the era in the script
 * the interface's language uses (nichiro_date_get_era_script()).
 *
 * Returns: (transfer full): the text
 */
char *
nichiro_entry_format_date (const NichiroDate *date,
                           const NichiroDate *old_style,
                           gboolean           with_era)
{
  g_autofree char *era_text = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (with_era)
    era_text = nichiro_date_format_japanese_era_in (date, nichiro_date_get_era_script ());

  return format_date_with_era (date, old_style, era_text);
}

/**
 * nichiro_entry_get_era_override:
 * @self: an entry
 * @out_era_romaji: (out) (optional) (transfer none): the era's name
 * @out_era_year: (out) (optional): the year of that era
 *
 * Some Japanese chronologies name the year of an entry differently from
 * the era computed for its date: they apply an era proclaimed later in the
 * lunisolar year to the whole year. The dataset can say so.
 *
 * Returns: whether the dataset gives the era year of the entry's date
 */
gboolean
nichiro_entry_get_era_override (NichiroEntry  *self,
                                const char   **out_era_romaji,
                                int           *out_era_year)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), FALSE);

  if (self->era_override == NULL)
    return FALSE;

  if (out_era_romaji != NULL)
    *out_era_romaji = self->era_override;
  if (out_era_year != NULL)
    *out_era_year = self->era_override_year;
  return TRUE;
}

/**
 * nichiro_entry_dup_japanese_era:
 * @self: an entry
 * @script: how to write it
 *
 * Returns: (transfer full) (nullable): the Japanese era year of the entry's
 *   date as Japanese sources name it: the dataset's own naming if it gives
 *   one (nichiro_entry_get_era_override()), else the computed one
 */
char *
nichiro_entry_dup_japanese_era (NichiroEntry     *self,
                                NichiroEraScript  script)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  if (self->era_override != NULL)
    return nichiro_date_format_era_year (self->era_override, self->era_override_year, script);

  return nichiro_date_format_japanese_era_in (&self->date, script);
}

/**
 * nichiro_entry_dup_dates_text:
 * @self: an entry
 *
 * Returns: (transfer full): the entry's date, or its start and end, in full
 */
char *
nichiro_entry_dup_dates_text (NichiroEntry *self)
{
  NichiroEraScript script = nichiro_date_get_era_script ();
  g_autofree char *start_era = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  start_era = nichiro_entry_dup_japanese_era (self, script);
  start = format_date_with_era (&self->date, &self->date_old_style, start_era);
  if (!nichiro_date_is_set (&self->end_date) || nichiro_date_compare (&self->date, &self->end_date) == 0)
    return g_steal_pointer (&start);

  end = nichiro_entry_format_date (&self->end_date, &self->end_date_old_style, TRUE);
  /* Translators: a start and an end date written in full */
  return g_strdup_printf (_("%s to %s"), start, end);
}

/**
 * nichiro_entry_dup_date_span:
 * @self: an entry
 *
 * Returns: (transfer full): the entry's date, or its start and end, in words
 *   but without Old Style or era: "8 February 1904 – 5 September 1905"
 */
char *
nichiro_entry_dup_date_span (NichiroEntry *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  start = nichiro_date_format (&self->date);
  if (!nichiro_date_is_set (&self->end_date) || nichiro_date_compare (&self->date, &self->end_date) == 0)
    return g_steal_pointer (&start);

  end = nichiro_date_format (&self->end_date);
  return g_strdup_printf (_("%s – %s"), start, end);
}

/**
 * nichiro_entry_to_json:
 * @self: an entry
 *
 * The entry as the command line's `--json` prints it; HACKING.md documents
 * the members. Dates are ISO strings at their precision; absent values are
 * null.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
nichiro_entry_to_json (NichiroEntry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree char *era = NULL;

  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  era = nichiro_entry_dup_japanese_era (self, NICHIRO_ERA_SCRIPT_ROMAJI);

  json_builder_begin_object (builder);
  add_string (builder, "id", self->id);
  add_strv (builder, "former_ids", (const char * const *) self->former_ids);
  add_string (builder, "kind", nichiro_entry_kind_to_string (self->kind));
  add_string (builder, "title", self->title.en);
  add_names (builder, "titles", &self->title);
  add_names (builder, "short_titles", &self->short_title);
  add_strv (builder, "aliases", (const char * const *) self->aliases);
  add_date (builder, "date", &self->date);
  add_date (builder, "date_old_style", &self->date_old_style);
  add_date (builder, "end_date", &self->end_date);
  add_date (builder, "end_date_old_style", &self->end_date_old_style);
  add_string (builder, "japanese_era", era);
  add_date (builder, "in_force", nichiro_entry_get_stage_date (self, NICHIRO_STAGE_IN_FORCE));
  add_date (builder, "ended", nichiro_entry_get_stage_date (self, NICHIRO_STAGE_ENDED));

  json_builder_set_member_name (builder, "lifecycle");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->lifecycle->len; i++)
    {
      const NichiroLifecycleStep *step = &g_array_index (self->lifecycle, NichiroLifecycleStep, i);

      json_builder_begin_object (builder);
      add_string (builder, "stage", nichiro_stage_to_string (step->stage));
      add_date (builder, "date", &step->date);
      add_date (builder, "date_old_style", &step->date_old_style);
      add_string (builder, "note", step->note);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "end");
  if (self->end != NULL)
    {
      json_builder_begin_object (builder);
      add_end_members (builder, self->end);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "partial_ends");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->partial_ends->len; i++)
    {
      json_builder_begin_object (builder);
      add_end_members (builder, &g_array_index (self->partial_ends, NichiroEnd, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_string (builder, "place", self->place);
  add_strv (builder, "places", (const char * const *) self->places);
  add_strv (builder, "parties", (const char * const *) self->parties);

  json_builder_set_member_name (builder, "signatories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->signatories->len; i++)
    {
      const NichiroSignatory *signatory = &g_array_index (self->signatories, NichiroSignatory, i);

      json_builder_begin_object (builder);
      add_string (builder, "name", signatory->name.en);
      add_string (builder, "side", signatory->side);
      add_string (builder, "office", signatory->office);
      add_string (builder, "person", signatory->person_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_string (builder, "summary", self->summary);

  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->articles->len; i++)
    {
      const NichiroArticle *article = &g_array_index (self->articles, NichiroArticle, i);

      json_builder_begin_object (builder);
      add_string (builder, "number", article->number);
      add_string (builder, "text", article->text);
      json_builder_set_member_name (builder, "secret");
      json_builder_add_boolean_value (builder, article->secret);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_string (builder, "significance", self->significance);

  json_builder_set_member_name (builder, "related");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->related->len; i++)
    {
      const NichiroRelated *related = &g_array_index (self->related, NichiroRelated, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", related->id);
      add_string (builder, "relation", nichiro_relation_to_string (related->relation));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_strv (builder, "threads", (const char * const *) self->threads);
  add_string (builder, "part", self->part);
  add_sources (builder, (const NichiroSource *) (gpointer) self->sources->data, self->sources->len);

  add_string (builder, "notes", self->notes);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
