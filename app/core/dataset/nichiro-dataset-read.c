/* nichiro-dataset-read.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-dataset"

#include "config.h"

#include "nichiro-dataset-private.h"
#include "nichiro-error.h"
#include "nichiro-json-check.h"
#include "nichiro-json-parse.h"
#include "nichiro-schema.h"

/* Reading a dataset: the JSON parsed and checked against the schema, then
 * each table and entry read with the rules a schema cannot say (unique
 * ids, references that resolve, dates in order, Old Style dates that
 * match), every problem reported with its place in the document. */

/* How many problems one load reports before it only counts the rest. */
#define MAX_REPORTED_PROBLEMS 50

/* The id is the first member of every table's element struct. */
static void
table_reindex (Table *table)
{
  guint element_size = g_array_get_element_size (table->items);

  g_hash_table_remove_all (table->index);
  for (guint i = 0; i < table->items->len; i++)
    {
      char **id = (char **) (gpointer) (table->items->data + i * element_size);

      g_hash_table_insert (table->index, *id, GUINT_TO_POINTER (i + 1));
    }
}

const char *
_nichiro_dataset_get_string (JsonObject *object,
                             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonArray *
_nichiro_dataset_get_array (JsonObject *object,
                            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

JsonObject *
_nichiro_dataset_get_object (JsonObject *object,
                             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

JsonObject *
_nichiro_dataset_get_element_object (JsonArray *array,
                                     guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

GStrv
_nichiro_dataset_dup_strv (JsonObject *object,
                           const char *member)
{
  JsonArray *array = _nichiro_dataset_get_array (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

void
_nichiro_dataset_read_names (JsonObject   *object,
                             const char   *member,
                             NichiroNames *names)
{
  JsonObject *names_object = _nichiro_dataset_get_object (object, member);

  if (names_object == NULL)
    return;

  names->en = g_strdup (_nichiro_dataset_get_string (names_object, "en"));
  names->ja = g_strdup (_nichiro_dataset_get_string (names_object, "ja"));
  names->ru = g_strdup (_nichiro_dataset_get_string (names_object, "ru"));
}

/* A localized text is a plain string (English) or a names object. */
static void
read_localized (JsonObject   *object,
                const char   *member,
                NichiroNames *names)
{
  const char *text = _nichiro_dataset_get_string (object, member);

  if (text != NULL)
    names->en = g_strdup (text);
  else
    _nichiro_dataset_read_names (object, member, names);
}

static double
get_number (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  return 0;
}

NichiroDate
_nichiro_dataset_read_date (JsonObject *object,
                            const char *member)
{
  NichiroDate date = NICHIRO_DATE_NONE;
  const char *text = _nichiro_dataset_get_string (object, member);

  if (text != NULL)
    nichiro_date_parse (text, &date);

  return date;
}

/* Whether @a can be on or before @b, given their precision: "1905" is
 * neither before nor after "1905-09-05", so it passes. */
static gboolean
date_may_precede (const NichiroDate *a,
                  const NichiroDate *b)
{
  NichiroDate last = *b;

  if (!nichiro_date_is_set (a) || !nichiro_date_is_set (b))
    return TRUE;

  if (last.precision == NICHIRO_DATE_PRECISION_YEAR)
    last = nichiro_date_make (b->year, 12, 31);
  else if (last.precision == NICHIRO_DATE_PRECISION_MONTH)
    last = nichiro_date_make (b->year, b->month,
                              nichiro_date_days_in_month (b->year, b->month, FALSE));

  return nichiro_date_to_julian_day (a) <= nichiro_date_to_julian_day (&last);
}

void
_nichiro_dataset_check_order (Loader            *loader,
                              const char        *member,
                              const NichiroDate *earlier,
                              const NichiroDate *later,
                              const char        *what)
{
  if (date_may_precede (earlier, later))
    return;

  {
    g_autofree char *earlier_text = nichiro_date_to_iso (earlier);
    g_autofree char *later_text = nichiro_date_to_iso (later);

    nichiro_json_checker_push_member (loader->checker, member);
    nichiro_json_checker_add (loader->checker, "%s %s comes before %s %s",
                              member, later_text, what, earlier_text);
    nichiro_json_checker_pop (loader->checker);
  }
}

/* An Old Style date must be the Julian reading of the same day. */
void
_nichiro_dataset_check_old_style (Loader            *loader,
                                  JsonObject        *object,
                                  const char        *member,
                                  const NichiroDate *new_style,
                                  NichiroDate       *out_old_style)
{
  const char *text = _nichiro_dataset_get_string (object, member);
  NichiroDate old_style = NICHIRO_DATE_NONE;
  NichiroDate expected;

  *out_old_style = NICHIRO_DATE_NONE;
  if (text == NULL || !nichiro_date_parse_old_style (text, &old_style))
    return;

  nichiro_json_checker_push_member (loader->checker, member);

  if (old_style.precision != NICHIRO_DATE_PRECISION_DAY ||
      new_style->precision != NICHIRO_DATE_PRECISION_DAY)
    {
      nichiro_json_checker_add (loader->checker,
                                "an Old Style date needs a full YYYY-MM-DD date here and on the New Style date");
    }
  else if (!nichiro_date_russia_uses_julian (new_style))
    {
      nichiro_json_checker_add (loader->checker,
                                "Russia used the Gregorian calendar from 14 February 1918; "
                                "remove the Old Style date");
    }
  else if (!nichiro_date_to_old_style (new_style, &expected) ||
           nichiro_date_compare (&expected, &old_style) != 0)
    {
      g_autofree char *expected_text = nichiro_date_to_iso (&expected);
      g_autofree char *found_text = nichiro_date_to_iso (&old_style);

      nichiro_json_checker_add (loader->checker,
                                "the Old Style date of this day is %s (%d days behind), not %s",
                                expected_text, nichiro_date_julian_offset (new_style),
                                found_text);
    }
  else
    {
      *out_old_style = old_style;
    }

  nichiro_json_checker_pop (loader->checker);
}

void
_nichiro_dataset_check_reference (Loader      *loader,
                                  const Table *table,
                                  const char  *id,
                                  const char  *table_name)
{
  if (id != NULL && _nichiro_dataset_table_lookup (table, id) == NULL)
    nichiro_json_checker_add (loader->checker,
                              "“%s” is not the id of any item in $.%s",
                              id, table_name);
}

void
_nichiro_dataset_check_reference_list (Loader      *loader,
                                       JsonObject  *object,
                                       const char  *member,
                                       const Table *table,
                                       const char  *table_name)
{
  JsonArray *array = _nichiro_dataset_get_array (object, member);

  nichiro_json_checker_push_member (loader->checker, member);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      nichiro_json_checker_push_index (loader->checker, i);
      _nichiro_dataset_check_reference (loader, table, json_array_get_string_element (array, i), table_name);
      nichiro_json_checker_pop (loader->checker);
    }
  nichiro_json_checker_pop (loader->checker);
}

/* Records @id for the element at @index of @table_name, reporting repeats. */
gboolean
_nichiro_dataset_claim_id (Loader     *loader,
                           GHashTable *seen,
                           const char *id,
                           const char *table_name)
{
  if (id == NULL)
    return FALSE;

  if (g_hash_table_contains (seen, id))
    {
      nichiro_json_checker_push_member (loader->checker, "id");
      nichiro_json_checker_add (loader->checker,
                                "the id “%s” is used twice in $.%s; ids must be unique",
                                id, table_name);
      nichiro_json_checker_pop (loader->checker);
      return FALSE;
    }

  g_hash_table_add (seen, (gpointer) id);
  return TRUE;
}

typedef void (*ReadItemFunc) (Loader     *loader,
                              JsonObject *object,
                              gpointer    item);

static void
read_table (Loader       *loader,
            Table        *table,
            const char   *member,
            ReadItemFunc  read_item)
{
  JsonArray *array = _nichiro_dataset_get_array (loader->root, member);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint element_size = g_array_get_element_size (table->items);

  nichiro_json_checker_push_member (loader->checker, member);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = _nichiro_dataset_get_element_object (array, i);
      gpointer item;

      if (object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      if (_nichiro_dataset_claim_id (loader, seen, _nichiro_dataset_get_string (object, "id"), member))
        {
          g_array_set_size (table->items, table->items->len + 1);
          item = table->items->data + (table->items->len - 1) * element_size;
          *(char **) item = g_strdup (_nichiro_dataset_get_string (object, "id"));
          read_item (loader, object, item);
        }
      nichiro_json_checker_pop (loader->checker);
    }
  nichiro_json_checker_pop (loader->checker);

  table_reindex (table);
}

static void
read_state (Loader     *loader,
            JsonObject *object,
            gpointer    item)
{
  NichiroState *state = item;

  _nichiro_dataset_read_names (object, "name", &state->name);
  state->aliases = _nichiro_dataset_dup_strv (object, "aliases");
}

static void
read_part (Loader     *loader,
           JsonObject *object,
           gpointer    item)
{
  NichiroPart *part = item;

  part->number = loader->dataset->parts.items->len;
  read_localized (object, "title", &part->titles);
  read_localized (object, "summary", &part->summaries);
  part->title = part->titles.en;
  part->summary = part->summaries.en;
  part->start = _nichiro_dataset_read_date (object, "start");
  part->end = _nichiro_dataset_read_date (object, "end");
  _nichiro_dataset_check_order (loader, "end", &part->start, &part->end, "start");
}

static void
read_era (Loader     *loader,
          JsonObject *object,
          gpointer    item)
{
  NichiroEra *era = item;

  era->kind = g_strdup (_nichiro_dataset_get_string (object, "kind"));
  _nichiro_dataset_read_names (object, "name", &era->name);
  _nichiro_dataset_read_names (object, "short_name", &era->short_name);
  era->start = _nichiro_dataset_read_date (object, "start");
  era->end = _nichiro_dataset_read_date (object, "end");
  _nichiro_dataset_check_order (loader, "end", &era->start, &era->end, "start");
}

static void
read_thread (Loader     *loader,
             JsonObject *object,
             gpointer    item)
{
  NichiroThread *thread = item;

  _nichiro_dataset_read_names (object, "name", &thread->name);
  thread->aliases = _nichiro_dataset_dup_strv (object, "aliases");
  thread->description = g_strdup (_nichiro_dataset_get_string (object, "description"));
}

static void
read_person (Loader     *loader,
             JsonObject *object,
             gpointer    item)
{
  NichiroPerson *person = item;

  _nichiro_dataset_read_names (object, "name", &person->name);
  person->aliases = _nichiro_dataset_dup_strv (object, "aliases");
  person->born = _nichiro_dataset_read_date (object, "born");
  person->died = _nichiro_dataset_read_date (object, "died");
  person->roles = _nichiro_dataset_dup_strv (object, "roles");
  _nichiro_dataset_check_order (loader, "died", &person->born, &person->died, "born");
}

static void
read_place (Loader     *loader,
            JsonObject *object,
            gpointer    item)
{
  NichiroPlace *place = item;
  const char *precision = _nichiro_dataset_get_string (object, "precision");
  JsonObject *source = _nichiro_dataset_get_object (object, "source");

  _nichiro_dataset_read_names (object, "name", &place->name);
  place->aliases = _nichiro_dataset_dup_strv (object, "aliases");
  place->latitude = get_number (object, "lat");
  place->longitude = get_number (object, "lon");
  if (g_strcmp0 (precision, "building") == 0)
    place->precision = NICHIRO_PLACE_PRECISION_BUILDING;
  else if (g_strcmp0 (precision, "region") == 0)
    place->precision = NICHIRO_PLACE_PRECISION_REGION;
  else
    place->precision = NICHIRO_PLACE_PRECISION_CITY;
  if (source != NULL)
    {
      place->source.title = g_strdup (_nichiro_dataset_get_string (source, "title"));
      place->source.url = g_strdup (_nichiro_dataset_get_string (source, "url"));
    }
}

void
_nichiro_dataset_read_sources (JsonObject *object,
                               GArray     *sources)
{
  JsonArray *array = _nichiro_dataset_get_array (object, "sources");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *source_object = _nichiro_dataset_get_element_object (array, i);
      NichiroSource source = { 0, };

      if (source_object == NULL)
        continue;

      source.title = g_strdup (_nichiro_dataset_get_string (source_object, "title"));
      source.url = g_strdup (_nichiro_dataset_get_string (source_object, "url"));
      g_array_append_val (sources, source);
    }
}

static void
read_period (Loader *loader)
{
  JsonObject *period = _nichiro_dataset_get_object (loader->root, "period");

  if (period == NULL)
    return;

  loader->dataset->period_start = _nichiro_dataset_read_date (period, "start");
  loader->dataset->period_end = _nichiro_dataset_read_date (period, "end");
  nichiro_json_checker_push_member (loader->checker, "period");
  _nichiro_dataset_check_order (loader, "end", &loader->dataset->period_start, &loader->dataset->period_end, "start");
  nichiro_json_checker_pop (loader->checker);
}

/* After the entries: the frontier's changes cite them. */
static void
read_frontier (Loader *loader)
{
  nichiro_json_checker_push_member (loader->checker, "frontier");
  loader->dataset->frontier = nichiro_frontier_read (_nichiro_dataset_get_object (loader->root, "frontier"),
                                                     loader->dataset, loader->checker);
  nichiro_json_checker_pop (loader->checker);
}

static void
read_book (NichiroDataset *self,
           JsonObject     *root)
{
  JsonObject *object = _nichiro_dataset_get_object (root, "book");

  if (object == NULL)
    return;

  self->book = g_new0 (NichiroBook, 1);
  self->book->title = g_strdup (_nichiro_dataset_get_string (object, "title"));
  self->book->chapter = g_strdup (_nichiro_dataset_get_string (object, "chapter"));
  self->book->chapter_title = g_strdup (_nichiro_dataset_get_string (object, "chapter_title"));
  self->book->authors = _nichiro_dataset_dup_strv (object, "authors");
  self->book->publisher = g_strdup (_nichiro_dataset_get_string (object, "publisher"));
  self->book->year = json_object_get_int_member_with_default (object, "year", 0);
}

/* json-glib reports "<data>:LINE:COLUMN: Parse error: …"; name the file instead. */
/**
 * nichiro_dataset_new_from_data:
 * @text: the dataset's JSON text (need not be nul-terminated)
 * @length: its length in bytes
 * @display_name: how messages name the document, usually its path
 * @error: return location for a %NICHIRO_ERROR
 *
 * Parses and validates a dataset: first against the bundled schema, then
 * the rules a schema cannot say (unique ids, references that resolve, dates
 * in order, Old Style dates that match). Every problem found is reported,
 * one `FILE:LINE:COLUMN: PATH: message` line each.
 *
 * Returns: (transfer full) (nullable): the dataset, or %NULL with @error set
 */
NichiroDataset *
nichiro_dataset_new_from_data (const char  *text,
                               gsize        length,
                               const char  *display_name,
                               GError     **error)
{
  return _nichiro_dataset_read (text, length, display_name, TRUE, error);
}

/* @check_schema is FALSE only for the program's own dataset: the build
 * checked those very bytes against the schema (build-aux/nichiro-check-bundled.c).
 * Everything else (unique ids, references, dates in order) is checked
 * either way. */
NichiroDataset *
_nichiro_dataset_read (const char  *text,
                       gsize        length,
                       const char  *display_name,
                       gboolean     check_schema,
                       GError     **error)
{
  g_autoptr(NichiroJsonChecker) checker = NULL;
  g_autoptr(NichiroDataset) self = NULL;
  g_autoptr(JsonNode) root = NULL;
  Loader loader = { 0, };

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length > NICHIRO_DATASET_MAX_SIZE)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GSIZE_FORMAT " MiB; a dataset may be at most %d MiB",
                   display_name, length / (1024 * 1024), NICHIRO_DATASET_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  root = nichiro_json_parse (text, length, display_name, error);
  if (root == NULL)
    return NULL;

  checker = nichiro_json_checker_new (MAX_REPORTED_PROBLEMS);

  if (check_schema)
    nichiro_schema_validate (nichiro_schema_get_default (), root, checker);
  if (!nichiro_json_checker_report (checker, display_name, text, length, error))
    return NULL;

  self = g_object_new (NICHIRO_TYPE_DATASET, NULL);
  self->display_name = g_strdup (display_name);

  loader.dataset = self;
  loader.checker = checker;
  loader.root = json_node_get_object (root);

  self->id = g_strdup (_nichiro_dataset_get_string (loader.root, "id"));
  self->title = g_strdup (_nichiro_dataset_get_string (loader.root, "title"));
  self->description = g_strdup (_nichiro_dataset_get_string (loader.root, "description"));
  self->license = g_strdup (_nichiro_dataset_get_string (loader.root, "license"));
  read_book (self, loader.root);
  _nichiro_dataset_read_sources (loader.root, self->sources);

  read_table (&loader, &self->states, "states", read_state);
  read_table (&loader, &self->parts, "parts", read_part);
  read_table (&loader, &self->eras, "eras", read_era);
  read_table (&loader, &self->threads, "threads", read_thread);
  read_table (&loader, &self->people, "people", read_person);
  read_table (&loader, &self->places, "places", read_place);
  read_period (&loader);
  _nichiro_dataset_read_entries (&loader);
  read_frontier (&loader);

  if (!nichiro_json_checker_report (checker, display_name, text, length, error))
    return NULL;

  return g_steal_pointer (&self);
}
