/* nichiro-entry-json.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-entry"

#include "config.h"

#include "nichiro-entry-private.h"

/* An entry, and an end, as the command line's `--json` prints them: the
 * members HACKING.md documents, dates as ISO strings, absent values as
 * null. */

/**
 * nichiro_json_add_date:
 * @builder: a builder inside an object
 * @member: the member's name
 * @date: (nullable): a date
 *
 * Adds @member with @date as an ISO string, or null when @date is %NULL,
 * unset or invalid: how every JSON output of the program writes a date.
 */
void
nichiro_json_add_date (JsonBuilder       *builder,
                       const char        *member,
                       const NichiroDate *date)
{
  g_autofree char *iso = date != NULL ? nichiro_date_to_iso (date) : NULL;

  nichiro_json_add_string (builder, member, iso);
}

/**
 * nichiro_json_add_string:
 * @builder: a builder inside an object
 * @member: the member's name
 * @value: (nullable): a string
 *
 * Adds @member with @value, or null when @value is %NULL.
 */
void
nichiro_json_add_string (JsonBuilder *builder,
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
  nichiro_json_add_string (builder, "en", names->en);
  nichiro_json_add_string (builder, "ja", names->ja);
  nichiro_json_add_string (builder, "ru", names->ru);
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
      nichiro_json_add_string (builder, "title", sources[i].title);
      nichiro_json_add_string (builder, "url", sources[i].url);
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
  nichiro_json_add_string (builder, "status", nichiro_end_status_to_string (end->status));
  nichiro_json_add_date (builder, "date", &end->date);
  nichiro_json_add_date (builder, "date_old_style", &end->date_old_style);
  add_strv (builder, "by", (const char * const *) end->by);
  nichiro_json_add_string (builder, "note", end->note);

  if (end->articles == NULL)
    {
      json_builder_set_member_name (builder, "views");
      json_builder_begin_array (builder);
      for (guint i = 0; i < end->n_views; i++)
        {
          json_builder_begin_object (builder);
          add_strv (builder, "parties", (const char * const *) end->views[i].parties);
          nichiro_json_add_date (builder, "date", &end->views[i].date);
          nichiro_json_add_date (builder, "date_old_style", &end->views[i].date_old_style);
          nichiro_json_add_string (builder, "note", end->views[i].note);
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
  nichiro_json_add_string (builder, "id", self->id);
  add_strv (builder, "former_ids", (const char * const *) self->former_ids);
  nichiro_json_add_string (builder, "kind", nichiro_entry_kind_to_string (self->kind));
  nichiro_json_add_string (builder, "title", self->title.en);
  add_names (builder, "titles", &self->title);
  add_names (builder, "short_titles", &self->short_title);
  add_strv (builder, "aliases", (const char * const *) self->aliases);
  nichiro_json_add_date (builder, "date", &self->date);
  nichiro_json_add_date (builder, "date_old_style", &self->date_old_style);
  nichiro_json_add_date (builder, "end_date", &self->end_date);
  nichiro_json_add_date (builder, "end_date_old_style", &self->end_date_old_style);
  nichiro_json_add_string (builder, "japanese_era", era);
  nichiro_json_add_date (builder, "in_force", nichiro_entry_get_stage_date (self, NICHIRO_STAGE_IN_FORCE));
  nichiro_json_add_date (builder, "ended", nichiro_entry_get_stage_date (self, NICHIRO_STAGE_ENDED));

  json_builder_set_member_name (builder, "lifecycle");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->lifecycle->len; i++)
    {
      const NichiroLifecycleStep *step = &g_array_index (self->lifecycle, NichiroLifecycleStep, i);

      json_builder_begin_object (builder);
      nichiro_json_add_string (builder, "stage", nichiro_stage_to_string (step->stage));
      nichiro_json_add_date (builder, "date", &step->date);
      nichiro_json_add_date (builder, "date_old_style", &step->date_old_style);
      nichiro_json_add_string (builder, "note", step->note);
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

  nichiro_json_add_string (builder, "place", self->place);
  add_strv (builder, "places", (const char * const *) self->places);
  add_strv (builder, "parties", (const char * const *) self->parties);

  json_builder_set_member_name (builder, "signatories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->signatories->len; i++)
    {
      const NichiroSignatory *signatory = &g_array_index (self->signatories, NichiroSignatory, i);

      json_builder_begin_object (builder);
      nichiro_json_add_string (builder, "name", signatory->name.en);
      nichiro_json_add_string (builder, "side", signatory->side);
      nichiro_json_add_string (builder, "office", signatory->office);
      nichiro_json_add_string (builder, "person", signatory->person_id);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  nichiro_json_add_string (builder, "summary", self->summary);

  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->articles->len; i++)
    {
      const NichiroArticle *article = &g_array_index (self->articles, NichiroArticle, i);

      json_builder_begin_object (builder);
      nichiro_json_add_string (builder, "number", article->number);
      nichiro_json_add_string (builder, "text", article->text);
      json_builder_set_member_name (builder, "secret");
      json_builder_add_boolean_value (builder, article->secret);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  nichiro_json_add_string (builder, "significance", self->significance);

  json_builder_set_member_name (builder, "related");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->related->len; i++)
    {
      const NichiroRelated *related = &g_array_index (self->related, NichiroRelated, i);

      json_builder_begin_object (builder);
      nichiro_json_add_string (builder, "id", related->id);
      nichiro_json_add_string (builder, "relation", nichiro_relation_to_string (related->relation));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_strv (builder, "threads", (const char * const *) self->threads);
  nichiro_json_add_string (builder, "part", self->part);
  add_sources (builder, (const NichiroSource *) (gpointer) self->sources->data, self->sources->len);

  nichiro_json_add_string (builder, "notes", self->notes);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
