/* nichiro-dataset.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-dataset"

#include "config.h"

#include <string.h>

#include "nichiro-citation.h"
#include "nichiro-data-resources.h"
#include "nichiro-dataset.h"
#include "nichiro-entry-private.h"
#include "nichiro-error.h"
#include "nichiro-file.h"
#include "nichiro-json-check.h"
#include "nichiro-json-parse.h"
#include "nichiro-schema.h"

/* How many problems one load reports before it only counts the rest. */
#define MAX_REPORTED_PROBLEMS 50

typedef struct
{
  GArray *items;
  GHashTable *index;       /* id → position + 1 */
} Table;

struct _NichiroDataset
{
  GObject parent_instance;

  char *id;
  char *title;
  char *description;
  char *license;
  char *display_name;
  NichiroBook *book;
  GArray *sources;         /* NichiroSource */
  NichiroDate period_start;
  NichiroDate period_end;

  Table states;
  Table parts;
  Table eras;
  Table threads;
  Table people;
  Table places;

  GListStore *entries;
  GHashTable *entries_by_id;   /* ids and former ids → entry */

  /* Entry id to a GArray of NichiroRelated naming the entries that point
   * at it, made when first asked for. */
  GHashTable *incoming;
};

G_DEFINE_FINAL_TYPE (NichiroDataset, nichiro_dataset, G_TYPE_OBJECT)

/* Context for one load: the parsed document and where problems go. */
typedef struct
{
  NichiroDataset *dataset;
  NichiroJsonChecker *checker;
  JsonObject *root;
} Loader;

static void
state_clear (gpointer data)
{
  NichiroState *state = data;

  g_free (state->id);
  nichiro_names_clear (&state->name);
  g_strfreev (state->aliases);
}

static void
part_clear (gpointer data)
{
  NichiroPart *part = data;

  /* title and summary are the English members of titles and summaries. */
  g_free (part->id);
  nichiro_names_clear (&part->titles);
  nichiro_names_clear (&part->summaries);
}

static void
era_clear (gpointer data)
{
  NichiroEra *era = data;

  g_free (era->id);
  g_free (era->kind);
  nichiro_names_clear (&era->name);
}

static void
thread_clear (gpointer data)
{
  NichiroThread *thread = data;

  g_free (thread->id);
  nichiro_names_clear (&thread->name);
  g_strfreev (thread->aliases);
  g_free (thread->description);
}

static void
person_clear (gpointer data)
{
  NichiroPerson *person = data;

  g_free (person->id);
  nichiro_names_clear (&person->name);
  g_strfreev (person->aliases);
  g_strfreev (person->roles);
}

static void
place_clear (gpointer data)
{
  NichiroPlace *place = data;

  g_free (place->id);
  nichiro_names_clear (&place->name);
  g_strfreev (place->aliases);
  g_free (place->source.title);
  g_free (place->source.url);
}

static void
source_clear (gpointer data)
{
  NichiroSource *source = data;

  g_free (source->title);
  g_free (source->url);
}

static void
book_free (NichiroBook *book)
{
  g_free (book->title);
  g_free (book->chapter);
  g_free (book->chapter_title);
  g_strfreev (book->authors);
  g_free (book->publisher);
  g_free (book);
}

static void
table_init (Table          *table,
            gsize           element_size,
            GDestroyNotify  clear_func)
{
  table->items = g_array_new (FALSE, TRUE, element_size);
  g_array_set_clear_func (table->items, clear_func);
  table->index = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->index, g_hash_table_unref);
  g_clear_pointer (&table->items, g_array_unref);
}

static gconstpointer
table_lookup (const Table *table,
              const char  *id)
{
  guint position;

  if (id == NULL)
    return NULL;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (table->index, id));
  if (position == 0)
    return NULL;

  return table->items->data + (position - 1) * g_array_get_element_size (table->items);
}

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

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

static JsonObject *
get_element_object (JsonArray *array,
                    guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static GStrv
dup_strv (JsonObject *object,
          const char *member)
{
  JsonArray *array = get_array (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

static void
read_names (JsonObject   *object,
            const char   *member,
            NichiroNames *names)
{
  JsonObject *names_object = get_object (object, member);

  if (names_object == NULL)
    return;

  names->en = g_strdup (get_string (names_object, "en"));
  names->ja = g_strdup (get_string (names_object, "ja"));
  names->ru = g_strdup (get_string (names_object, "ru"));
}

/* A localized text is a plain string (English) or a names object. */
static void
read_localized (JsonObject   *object,
                const char   *member,
                NichiroNames *names)
{
  const char *text = get_string (object, member);

  if (text != NULL)
    names->en = g_strdup (text);
  else
    read_names (object, member, names);
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

static NichiroDate
read_date (JsonObject *object,
           const char *member)
{
  NichiroDate date = NICHIRO_DATE_NONE;
  const char *text = get_string (object, member);

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

static void
check_order (Loader            *loader,
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
static void
check_old_style (Loader            *loader,
                 JsonObject        *object,
                 const char        *member,
                 const NichiroDate *new_style,
                 NichiroDate       *out_old_style)
{
  const char *text = get_string (object, member);
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

static void
check_reference (Loader      *loader,
                 const Table *table,
                 const char  *id,
                 const char  *table_name)
{
  if (id != NULL && table_lookup (table, id) == NULL)
    nichiro_json_checker_add (loader->checker,
                              "“%s” is not the id of any item in $.%s",
                              id, table_name);
}

static void
check_reference_list (Loader      *loader,
                      JsonObject  *object,
                      const char  *member,
                      const Table *table,
                      const char  *table_name)
{
  JsonArray *array = get_array (object, member);

  nichiro_json_checker_push_member (loader->checker, member);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      nichiro_json_checker_push_index (loader->checker, i);
      check_reference (loader, table, json_array_get_string_element (array, i), table_name);
      nichiro_json_checker_pop (loader->checker);
    }
  nichiro_json_checker_pop (loader->checker);
}

/* Records @id for the element at @index of @table_name, reporting repeats. */
static gboolean
claim_id (Loader     *loader,
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
  JsonArray *array = get_array (loader->root, member);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint element_size = g_array_get_element_size (table->items);

  nichiro_json_checker_push_member (loader->checker, member);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i);
      gpointer item;

      if (object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      if (claim_id (loader, seen, get_string (object, "id"), member))
        {
          g_array_set_size (table->items, table->items->len + 1);
          item = table->items->data + (table->items->len - 1) * element_size;
          *(char **) item = g_strdup (get_string (object, "id"));
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

  read_names (object, "name", &state->name);
  state->aliases = dup_strv (object, "aliases");
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
  part->start = read_date (object, "start");
  part->end = read_date (object, "end");
  check_order (loader, "end", &part->start, &part->end, "start");
}

static void
read_era (Loader     *loader,
          JsonObject *object,
          gpointer    item)
{
  NichiroEra *era = item;

  era->kind = g_strdup (get_string (object, "kind"));
  read_names (object, "name", &era->name);
  era->start = read_date (object, "start");
  era->end = read_date (object, "end");
  check_order (loader, "end", &era->start, &era->end, "start");
}

static void
read_thread (Loader     *loader,
             JsonObject *object,
             gpointer    item)
{
  NichiroThread *thread = item;

  read_names (object, "name", &thread->name);
  thread->aliases = dup_strv (object, "aliases");
  thread->description = g_strdup (get_string (object, "description"));
}

static void
read_person (Loader     *loader,
             JsonObject *object,
             gpointer    item)
{
  NichiroPerson *person = item;

  read_names (object, "name", &person->name);
  person->aliases = dup_strv (object, "aliases");
  person->born = read_date (object, "born");
  person->died = read_date (object, "died");
  person->roles = dup_strv (object, "roles");
  check_order (loader, "died", &person->born, &person->died, "born");
}

static void
read_place (Loader     *loader,
            JsonObject *object,
            gpointer    item)
{
  NichiroPlace *place = item;
  const char *precision = get_string (object, "precision");
  JsonObject *source = get_object (object, "source");

  read_names (object, "name", &place->name);
  place->aliases = dup_strv (object, "aliases");
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
      place->source.title = g_strdup (get_string (source, "title"));
      place->source.url = g_strdup (get_string (source, "url"));
    }
}

static void
read_lifecycle (Loader       *loader,
                JsonObject   *object,
                NichiroEntry *entry)
{
  JsonArray *array = get_array (object, "lifecycle");
  const NichiroDate *previous = &entry->date;

  nichiro_json_checker_push_member (loader->checker, "lifecycle");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *step_object = get_element_object (array, i);
      NichiroLifecycleStep step = { 0, };

      if (step_object == NULL ||
          !nichiro_stage_from_string (get_string (step_object, "stage"), &step.stage))
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      step.date = read_date (step_object, "date");
      step.note = g_strdup (get_string (step_object, "note"));
      check_old_style (loader, step_object, "date_old_style", &step.date, &step.date_old_style);
      check_order (loader, "date", previous, &step.date,
                   previous == &entry->date ? "the entry's date" : "the previous stage");
      nichiro_json_checker_pop (loader->checker);

      g_array_append_val (entry->lifecycle, step);
      previous = &g_array_index (entry->lifecycle, NichiroLifecycleStep, entry->lifecycle->len - 1).date;
    }
  nichiro_json_checker_pop (loader->checker);
}

static NichiroSource *
dup_sources (JsonObject *object,
             guint      *n_sources)
{
  JsonArray *array = get_array (object, "sources");
  guint length = array != NULL ? json_array_get_length (array) : 0;
  NichiroSource *sources = g_new0 (NichiroSource, MAX (length, 1));
  guint n = 0;

  for (guint i = 0; i < length; i++)
    {
      JsonObject *source_object = get_element_object (array, i);

      if (source_object == NULL)
        continue;
      sources[n].title = g_strdup (get_string (source_object, "title"));
      sources[n].url = g_strdup (get_string (source_object, "url"));
      n++;
    }

  *n_sources = n;
  return sources;
}

/* Statuses that take effect on a day, which the end must give. */
static gboolean
end_status_has_date (NichiroEndStatus status)
{
  switch (status)
    {
    case NICHIRO_END_EXPIRED:
    case NICHIRO_END_DENOUNCED:
    case NICHIRO_END_ABROGATED:
    case NICHIRO_END_ANNULLED_BY_WAR:
    case NICHIRO_END_SUPERSEDED:
    case NICHIRO_END_REPUDIATED:
    case NICHIRO_END_EXECUTED:
      return TRUE;

    case NICHIRO_END_UNKNOWN:
    case NICHIRO_END_NO_FORMAL_END:
    case NICHIRO_END_DISPUTED:
    case NICHIRO_END_STILL_IN_FORCE:
    case NICHIRO_N_END_STATUSES:
    default:
      return FALSE;
    }
}

/* The members an end and a partial end share; @after is the last date the
 * end may not precede. */
static void
read_end_common (Loader            *loader,
                 JsonObject        *object,
                 const NichiroDate *after,
                 const char        *after_what,
                 NichiroEnd        *end)
{
  if (!nichiro_end_status_from_string (get_string (object, "status"), &end->status))
    end->status = NICHIRO_END_UNKNOWN;
  end->date = read_date (object, "date");
  check_old_style (loader, object, "date_old_style", &end->date, &end->date_old_style);
  check_order (loader, "date", after, &end->date, after_what);
  end->by = dup_strv (object, "by");
  end->note = g_strdup (get_string (object, "note"));
  end->sources = dup_sources (object, &end->n_sources);
}

static void
read_end_views (Loader       *loader,
                JsonObject   *object,
                NichiroEntry *entry,
                NichiroEnd   *end)
{
  JsonArray *array = get_array (object, "views");
  guint length = array != NULL ? json_array_get_length (array) : 0;

  end->views = g_new0 (NichiroEndView, MAX (length, 1));
  nichiro_json_checker_push_member (loader->checker, "views");
  for (guint i = 0; i < length; i++)
    {
      JsonObject *view_object = get_element_object (array, i);
      NichiroEndView *view = &end->views[end->n_views];

      if (view_object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      view->parties = dup_strv (view_object, "parties");
      check_reference_list (loader, view_object, "parties", &loader->dataset->states, "states");
      view->date = read_date (view_object, "date");
      check_old_style (loader, view_object, "date_old_style", &view->date, &view->date_old_style);
      check_order (loader, "date", &entry->date, &view->date, "the entry's date");
      view->note = g_strdup (get_string (view_object, "note"));
      nichiro_json_checker_pop (loader->checker);
      end->n_views++;
    }
  nichiro_json_checker_pop (loader->checker);
}

/* The day the instrument was last heard of before its end: the end may not
 * come before it. */
static const NichiroDate *
last_stage_date (NichiroEntry *entry,
                 const char  **out_what)
{
  for (guint i = entry->lifecycle->len; i > 0; i--)
    {
      const NichiroLifecycleStep *step = &g_array_index (entry->lifecycle, NichiroLifecycleStep, i - 1);

      if (nichiro_date_is_set (&step->date))
        {
          *out_what = "the last lifecycle stage";
          return &step->date;
        }
    }

  *out_what = "the entry's date";
  return &entry->date;
}

/* The end given in "end" stands for the lifecycle's "ended" stage, which is
 * derived from it so that everything drawing stages keeps working. */
static void
add_derived_end_step (NichiroEntry *entry)
{
  const NichiroEnd *end = entry->end;
  NichiroLifecycleStep step = { NICHIRO_STAGE_ENDED, NICHIRO_DATE_NONE, NICHIRO_DATE_NONE, NULL };

  if (nichiro_date_is_set (&end->date))
    {
      step.date = end->date;
      step.date_old_style = end->date_old_style;
    }
  else if (end->status == NICHIRO_END_DISPUTED)
    {
      /* The stage marks where the dispute begins: the earliest side's day.
       * What each side holds is in the views; nichiro_in_force_on() reads
       * them, and so should anything that draws a disputed end. */
      for (guint i = 0; i < end->n_views; i++)
        {
          if (!nichiro_date_is_set (&end->views[i].date))
            continue;
          if (!nichiro_date_is_set (&step.date) ||
              nichiro_date_compare (&end->views[i].date, &step.date) < 0)
            {
              step.date = end->views[i].date;
              step.date_old_style = end->views[i].date_old_style;
            }
        }
    }

  if (nichiro_date_is_set (&step.date))
    g_array_append_val (entry->lifecycle, step);
}

static void
read_end (Loader       *loader,
          JsonObject   *object,
          NichiroEntry *entry)
{
  JsonObject *end_object = get_object (object, "end");
  JsonArray *lifecycle = get_array (object, "lifecycle");
  const char *after_what;
  const NichiroDate *after;
  NichiroEnd *end;

  if (end_object == NULL)
    return;

  if (!nichiro_entry_kind_is_instrument (entry->kind))
    {
      nichiro_json_checker_push_member (loader->checker, "end");
      nichiro_json_checker_add (loader->checker,
                                "only instruments (treaties, agreements, conventions, protocols, "
                                "declarations and pacts) have an end; give a %s its end_date",
                                nichiro_entry_kind_to_string (entry->kind));
      nichiro_json_checker_pop (loader->checker);
      return;
    }

  /* An "ended" stage beside "end" would say the same thing twice. */
  nichiro_json_checker_push_member (loader->checker, "lifecycle");
  for (guint i = 0; lifecycle != NULL && i < json_array_get_length (lifecycle); i++)
    {
      JsonObject *step_object = get_element_object (lifecycle, i);

      if (step_object == NULL || g_strcmp0 (get_string (step_object, "stage"), "ended") != 0)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      nichiro_json_checker_push_member (loader->checker, "stage");
      nichiro_json_checker_add (loader->checker,
                                "this entry gives its end in “end”; remove the “ended” stage "
                                "and put its date there");
      nichiro_json_checker_pop (loader->checker);
      nichiro_json_checker_pop (loader->checker);
    }
  nichiro_json_checker_pop (loader->checker);

  end = g_new0 (NichiroEnd, 1);
  after = last_stage_date (entry, &after_what);

  nichiro_json_checker_push_member (loader->checker, "end");
  read_end_common (loader, end_object, after, after_what, end);
  read_end_views (loader, end_object, entry, end);

  if (end_status_has_date (end->status) && !nichiro_date_is_set (&end->date))
    {
      nichiro_json_checker_add (loader->checker,
                                "this end (“%s”) needs the “date” it took effect",
                                nichiro_end_status_to_string (end->status));
    }
  else if ((end->status == NICHIRO_END_DISPUTED || end->status == NICHIRO_END_STILL_IN_FORCE) &&
           nichiro_date_is_set (&end->date))
    {
      nichiro_json_checker_push_member (loader->checker, "date");
      nichiro_json_checker_add (loader->checker,
                                end->status == NICHIRO_END_DISPUTED
                                ? "a disputed end has no date of its own; give each side's date in “views”"
                                : "an instrument still in force has no end date; remove it");
      nichiro_json_checker_pop (loader->checker);
    }

  if (end->status == NICHIRO_END_DISPUTED && end->n_views == 0)
    nichiro_json_checker_add (loader->checker,
                              "a disputed end needs “views”: what each side holds, with its date");
  else if (end->status != NICHIRO_END_DISPUTED && end->n_views > 0)
    {
      nichiro_json_checker_push_member (loader->checker, "views");
      nichiro_json_checker_add (loader->checker, "only a disputed end has “views”");
      nichiro_json_checker_pop (loader->checker);
    }

  if (end->status == NICHIRO_END_DENOUNCED &&
      !nichiro_date_is_set (nichiro_entry_get_stage_date (entry, NICHIRO_STAGE_NOTICE)))
    nichiro_json_checker_add (loader->checker,
                              "a denounced instrument needs a “notice” stage in its lifecycle: "
                              "the day notice was given");
  nichiro_json_checker_pop (loader->checker);

  entry->end = end;
  add_derived_end_step (entry);
}

static void
read_partial_ends (Loader       *loader,
                   JsonObject   *object,
                   NichiroEntry *entry)
{
  JsonArray *array = get_array (object, "partial_ends");

  nichiro_json_checker_push_member (loader->checker, "partial_ends");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *end_object = get_element_object (array, i);
      NichiroEnd end = { 0, };

      if (end_object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      end.articles = dup_strv (end_object, "articles");
      read_end_common (loader, end_object, nichiro_entry_get_in_force_date (entry),
                       "the day the instrument came into force", &end);
      nichiro_json_checker_pop (loader->checker);
      g_array_append_val (entry->partial_ends, end);
    }
  nichiro_json_checker_pop (loader->checker);

  if (array != NULL && json_array_get_length (array) > 0 &&
      !nichiro_entry_kind_is_instrument (entry->kind))
    {
      nichiro_json_checker_push_member (loader->checker, "partial_ends");
      nichiro_json_checker_add (loader->checker, "only instruments have articles that end");
      nichiro_json_checker_pop (loader->checker);
    }
}

static void
read_era_override (Loader       *loader,
                   JsonObject   *object,
                   NichiroEntry *entry)
{
  JsonObject *era = get_object (object, "japanese_era");
  const char *name;
  int year;

  if (era == NULL)
    return;

  name = get_string (era, "era");
  year = json_object_get_int_member_with_default (era, "year", 0);

  nichiro_json_checker_push_member (loader->checker, "japanese_era");
  if (!nichiro_date_is_japanese_era (name))
    {
      nichiro_json_checker_push_member (loader->checker, "era");
      nichiro_json_checker_add (loader->checker,
                                "“%s” is not an era Nichiro knows; write an era from Genroku (1688) on "
                                "in romaji with macrons, as in “Bunkyū”", name ? name : "");
      nichiro_json_checker_pop (loader->checker);
    }
  else if (!nichiro_date_era_year_near (&entry->date, name, year))
    {
      g_autofree char *computed = nichiro_date_format_japanese_era (&entry->date, FALSE);

      nichiro_json_checker_add (loader->checker,
                                "%s %d is not within a year of this entry's date (computed: %s); "
                                "check the era and the year", name, year, computed ? computed : "no era");
    }
  else
    {
      entry->era_override = g_strdup (name);
      entry->era_override_year = year;
    }
  nichiro_json_checker_pop (loader->checker);
}

static void
read_signatories (Loader       *loader,
                  JsonObject   *object,
                  NichiroEntry *entry)
{
  NichiroDataset *dataset = loader->dataset;
  JsonArray *array = get_array (object, "signatories");

  nichiro_json_checker_push_member (loader->checker, "signatories");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *signatory_object = get_element_object (array, i);
      const NichiroPerson *person;
      NichiroSignatory signatory = { 0, };

      if (signatory_object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      signatory.person_id = g_strdup (get_string (signatory_object, "person"));
      signatory.side = g_strdup (get_string (signatory_object, "side"));
      signatory.office = g_strdup (get_string (signatory_object, "office"));

      person = table_lookup (&dataset->people, signatory.person_id);
      if (person != NULL)
        {
          signatory.name.en = g_strdup (person->name.en);
          signatory.name.ja = g_strdup (person->name.ja);
          signatory.name.ru = g_strdup (person->name.ru);
        }

      nichiro_json_checker_push_member (loader->checker, "person");
      check_reference (loader, &dataset->people, signatory.person_id, "people");
      nichiro_json_checker_pop (loader->checker);
      nichiro_json_checker_push_member (loader->checker, "side");
      check_reference (loader, &dataset->states, signatory.side, "states");
      nichiro_json_checker_pop (loader->checker);
      nichiro_json_checker_pop (loader->checker);

      g_array_append_val (entry->signatories, signatory);
    }
  nichiro_json_checker_pop (loader->checker);
}

static void
read_articles (JsonObject   *object,
               NichiroEntry *entry)
{
  JsonArray *array = get_array (object, "articles");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *article_object = get_element_object (array, i);
      NichiroArticle article = { 0, };

      if (article_object == NULL)
        continue;

      article.number = g_strdup (get_string (article_object, "number"));
      article.text = g_strdup (get_string (article_object, "text"));
      article.secret = json_object_get_boolean_member_with_default (article_object, "secret", FALSE);
      g_array_append_val (entry->articles, article);
    }
}

static void
read_sources (JsonObject *object,
              GArray     *sources)
{
  JsonArray *array = get_array (object, "sources");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *source_object = get_element_object (array, i);
      NichiroSource source = { 0, };

      if (source_object == NULL)
        continue;

      source.title = g_strdup (get_string (source_object, "title"));
      source.url = g_strdup (get_string (source_object, "url"));
      g_array_append_val (sources, source);
    }
}

static void
read_related (JsonObject   *object,
              NichiroEntry *entry)
{
  JsonArray *array = get_array (object, "related");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *related_object = get_element_object (array, i);
      NichiroRelated related = { 0, };

      if (related_object == NULL ||
          !nichiro_relation_from_string (get_string (related_object, "relation"), &related.relation))
        continue;

      related.id = g_strdup (get_string (related_object, "id"));
      g_array_append_val (entry->related, related);
    }
}

static NichiroEntry *
read_entry (Loader     *loader,
            JsonObject *object)
{
  NichiroDataset *dataset = loader->dataset;
  g_autoptr(NichiroEntry) entry = _nichiro_entry_new ();

  entry->id = g_strdup (get_string (object, "id"));
  entry->former_ids = dup_strv (object, "former_ids");
  if (!nichiro_entry_kind_from_string (get_string (object, "kind"), &entry->kind))
    entry->kind = NICHIRO_ENTRY_KIND_EVENT;
  read_names (object, "title", &entry->title);
  read_names (object, "short_title", &entry->short_title);
  entry->aliases = dup_strv (object, "aliases");
  entry->date = read_date (object, "date");
  entry->end_date = read_date (object, "end_date");
  check_old_style (loader, object, "date_old_style", &entry->date, &entry->date_old_style);
  check_old_style (loader, object, "end_date_old_style", &entry->end_date, &entry->end_date_old_style);
  check_order (loader, "end_date", &entry->date, &entry->end_date, "the entry's date");
  read_era_override (loader, object, entry);

  read_lifecycle (loader, object, entry);
  read_end (loader, object, entry);
  read_partial_ends (loader, object, entry);

  entry->place = g_strdup (get_string (object, "place"));
  entry->places = dup_strv (object, "places");
  check_reference_list (loader, object, "places", &dataset->places, "places");
  entry->parties = dup_strv (object, "parties");
  check_reference_list (loader, object, "parties", &dataset->states, "states");

  read_signatories (loader, object, entry);

  entry->summary = g_strdup (get_string (object, "summary"));
  read_articles (object, entry);
  entry->significance = g_strdup (get_string (object, "significance"));
  read_related (object, entry);
  entry->threads = dup_strv (object, "threads");
  check_reference_list (loader, object, "threads", &dataset->threads, "threads");

  entry->part = g_strdup (get_string (object, "part"));
  nichiro_json_checker_push_member (loader->checker, "part");
  check_reference (loader, &dataset->parts, entry->part, "parts");
  nichiro_json_checker_pop (loader->checker);

  read_sources (object, entry->sources);
  entry->notes = g_strdup (get_string (object, "notes"));

  _nichiro_entry_seal (entry);

  return g_steal_pointer (&entry);
}

static void
check_entry_id (Loader     *loader,
                const char *target,
                const char *id)
{
  if (target == NULL)
    return;

  if (g_strcmp0 (target, id) == 0)
    nichiro_json_checker_add (loader->checker, "an entry cannot refer to itself");
  else if (!g_hash_table_contains (loader->dataset->entries_by_id, target))
    nichiro_json_checker_add (loader->checker,
                              "“%s” is not the id of any entry in $.entries", target);
}

static void
check_end_by (Loader     *loader,
              JsonObject *end_object,
              const char *id)
{
  JsonArray *by = end_object ? get_array (end_object, "by") : NULL;

  if (by == NULL)
    return;

  nichiro_json_checker_push_member (loader->checker, "by");
  for (guint i = 0; i < json_array_get_length (by); i++)
    {
      nichiro_json_checker_push_index (loader->checker, i);
      check_entry_id (loader, json_array_get_string_element (by, i), id);
      nichiro_json_checker_pop (loader->checker);
    }
  nichiro_json_checker_pop (loader->checker);
}

/* Related ids, and the entries that ended an instrument, can point
 * forwards, so they are checked once all are read. */
static void
check_related (Loader    *loader,
               JsonArray *entries)
{
  nichiro_json_checker_push_member (loader->checker, "entries");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *object = get_element_object (entries, i);
      JsonArray *related = object ? get_array (object, "related") : NULL;
      JsonArray *partial_ends = object ? get_array (object, "partial_ends") : NULL;
      const char *id = object ? get_string (object, "id") : NULL;

      if (object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      nichiro_json_checker_push_member (loader->checker, "related");
      for (guint j = 0; related != NULL && j < json_array_get_length (related); j++)
        {
          JsonObject *related_object = get_element_object (related, j);
          const char *target = related_object ? get_string (related_object, "id") : NULL;

          if (target == NULL)
            continue;

          nichiro_json_checker_push_index (loader->checker, j);
          nichiro_json_checker_push_member (loader->checker, "id");
          if (g_strcmp0 (target, id) == 0)
            nichiro_json_checker_add (loader->checker, "an entry cannot be related to itself");
          else
            check_entry_id (loader, target, id);
          nichiro_json_checker_pop (loader->checker);
          nichiro_json_checker_pop (loader->checker);
        }
      nichiro_json_checker_pop (loader->checker);

      nichiro_json_checker_push_member (loader->checker, "end");
      check_end_by (loader, get_object (object, "end"), id);
      nichiro_json_checker_pop (loader->checker);

      nichiro_json_checker_push_member (loader->checker, "partial_ends");
      for (guint j = 0; partial_ends != NULL && j < json_array_get_length (partial_ends); j++)
        {
          nichiro_json_checker_push_index (loader->checker, j);
          check_end_by (loader, get_element_object (partial_ends, j), id);
          nichiro_json_checker_pop (loader->checker);
        }
      nichiro_json_checker_pop (loader->checker);

      nichiro_json_checker_pop (loader->checker);
    }
  nichiro_json_checker_pop (loader->checker);
}

/* Former ids keep finding their entry: they must not be anyone's id now,
 * nor claimed by two entries. */
static void
index_former_ids (Loader    *loader,
                  JsonArray *entries)
{
  NichiroDataset *dataset = loader->dataset;
  g_autoptr(GHashTable) former = g_hash_table_new (g_str_hash, g_str_equal);

  nichiro_json_checker_push_member (loader->checker, "entries");
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *object = get_element_object (entries, i);
      const char *id = object ? get_string (object, "id") : NULL;
      NichiroEntry *entry = id ? g_hash_table_lookup (dataset->entries_by_id, id) : NULL;

      if (entry == NULL || entry->former_ids == NULL || entry->former_ids[0] == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      nichiro_json_checker_push_member (loader->checker, "former_ids");
      for (guint j = 0; entry->former_ids[j] != NULL; j++)
        {
          const char *former_id = entry->former_ids[j];

          nichiro_json_checker_push_index (loader->checker, j);
          if (g_hash_table_contains (dataset->entries_by_id, former_id))
            nichiro_json_checker_add (loader->checker,
                                      "“%s” is the id of an entry; a former id must not be in use",
                                      former_id);
          else if (g_hash_table_contains (former, former_id))
            nichiro_json_checker_add (loader->checker,
                                      "the former id “%s” is claimed by two entries", former_id);
          else
            g_hash_table_insert (former, (gpointer) former_id, entry);
          nichiro_json_checker_pop (loader->checker);
        }
      nichiro_json_checker_pop (loader->checker);
      nichiro_json_checker_pop (loader->checker);
    }
  nichiro_json_checker_pop (loader->checker);

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, former);
    while (g_hash_table_iter_next (&iter, &key, &value))
      g_hash_table_insert (dataset->entries_by_id, key, value);
  }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  NichiroEntry *entry_a = *(NichiroEntry **) a;
  NichiroEntry *entry_b = *(NichiroEntry **) b;
  int result = nichiro_date_compare (&entry_a->date, &entry_b->date);

  if (result == 0)
    result = nichiro_date_compare (&entry_a->end_date, &entry_b->end_date);
  return result;
}

static void
read_entries (Loader *loader)
{
  NichiroDataset *dataset = loader->dataset;
  JsonArray *array = get_array (loader->root, "entries");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  if (array == NULL)
    return;

  nichiro_json_checker_push_member (loader->checker, "entries");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = get_element_object (array, i);

      if (object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      if (claim_id (loader, seen, get_string (object, "id"), "entries"))
        {
          NichiroEntry *entry = read_entry (loader, object);

          g_hash_table_insert (dataset->entries_by_id, entry->id, entry);
          g_ptr_array_add (entries, entry);
        }
      nichiro_json_checker_pop (loader->checker);
    }
  nichiro_json_checker_pop (loader->checker);

  check_related (loader, array);
  index_former_ids (loader, array);

  /* g_ptr_array_sort is a stable merge sort, so entries on the same day
   * keep the order the document gives them. */
  g_ptr_array_sort (entries, compare_entries);
  g_list_store_splice (dataset->entries, 0, 0, entries->pdata, entries->len);
}

static void
read_period (Loader *loader)
{
  JsonObject *period = get_object (loader->root, "period");

  if (period == NULL)
    return;

  loader->dataset->period_start = read_date (period, "start");
  loader->dataset->period_end = read_date (period, "end");
  nichiro_json_checker_push_member (loader->checker, "period");
  check_order (loader, "end", &loader->dataset->period_start, &loader->dataset->period_end, "start");
  nichiro_json_checker_pop (loader->checker);
}

static void
read_book (NichiroDataset *self,
           JsonObject     *root)
{
  JsonObject *object = get_object (root, "book");

  if (object == NULL)
    return;

  self->book = g_new0 (NichiroBook, 1);
  self->book->title = g_strdup (get_string (object, "title"));
  self->book->chapter = g_strdup (get_string (object, "chapter"));
  self->book->chapter_title = g_strdup (get_string (object, "chapter_title"));
  self->book->authors = dup_strv (object, "authors");
  self->book->publisher = g_strdup (get_string (object, "publisher"));
  self->book->year = json_object_get_int_member_with_default (object, "year", 0);
}

static void
nichiro_dataset_finalize (GObject *object)
{
  NichiroDataset *self = (NichiroDataset *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->license, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->book, book_free);
  g_clear_pointer (&self->sources, g_array_unref);
  table_clear (&self->states);
  table_clear (&self->parts);
  table_clear (&self->eras);
  table_clear (&self->threads);
  table_clear (&self->people);
  table_clear (&self->places);
  g_clear_pointer (&self->incoming, g_hash_table_unref);
  g_clear_pointer (&self->entries_by_id, g_hash_table_unref);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (nichiro_dataset_parent_class)->finalize (object);
}

static void
nichiro_dataset_class_init (NichiroDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_dataset_finalize;
}

static void
nichiro_dataset_init (NichiroDataset *self)
{
  table_init (&self->states, sizeof (NichiroState), state_clear);
  table_init (&self->parts, sizeof (NichiroPart), part_clear);
  table_init (&self->eras, sizeof (NichiroEra), era_clear);
  table_init (&self->threads, sizeof (NichiroThread), thread_clear);
  table_init (&self->people, sizeof (NichiroPerson), person_clear);
  table_init (&self->places, sizeof (NichiroPlace), place_clear);
  self->sources = g_array_new (FALSE, TRUE, sizeof (NichiroSource));
  g_array_set_clear_func (self->sources, source_clear);
  self->entries = g_list_store_new (NICHIRO_TYPE_ENTRY);
  self->entries_by_id = g_hash_table_new (g_str_hash, g_str_equal);
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

  nichiro_schema_validate (nichiro_schema_get_default (), root, checker);
  if (!nichiro_json_checker_report (checker, display_name, text, length, error))
    return NULL;

  self = g_object_new (NICHIRO_TYPE_DATASET, NULL);
  self->display_name = g_strdup (display_name);

  loader.dataset = self;
  loader.checker = checker;
  loader.root = json_node_get_object (root);

  self->id = g_strdup (get_string (loader.root, "id"));
  self->title = g_strdup (get_string (loader.root, "title"));
  self->description = g_strdup (get_string (loader.root, "description"));
  self->license = g_strdup (get_string (loader.root, "license"));
  read_book (self, loader.root);
  read_sources (loader.root, self->sources);

  read_table (&loader, &self->states, "states", read_state);
  read_table (&loader, &self->parts, "parts", read_part);
  read_table (&loader, &self->eras, "eras", read_era);
  read_table (&loader, &self->threads, "threads", read_thread);
  read_table (&loader, &self->people, "people", read_person);
  read_table (&loader, &self->places, "places", read_place);
  read_period (&loader);
  read_entries (&loader);

  if (!nichiro_json_checker_report (checker, display_name, text, length, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * nichiro_dataset_new_from_file:
 * @file: a dataset file
 * @error: return location for an error
 *
 * Like nichiro_dataset_new_from_data(), refusing files over
 * %NICHIRO_DATASET_MAX_SIZE before reading them, and anything but a
 * regular file (a folder, a named pipe, a device) without reading it.
 *
 * Returns: (transfer full) (nullable): the dataset
 */
NichiroDataset *
nichiro_dataset_new_from_file (GFile   *file,
                               GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);

  /* Only a regular file is read, and never past the limit: a named pipe
   * or a device would hang or fill the memory. */
  if (!nichiro_file_load (file, NICHIRO_DATASET_MAX_SIZE, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_TOO_LARGE,
                     "%s: the file is larger than %d MiB; a dataset may be at most %d MiB",
                     display_name, NICHIRO_DATASET_MAX_SIZE / (1024 * 1024),
                     NICHIRO_DATASET_MAX_SIZE / (1024 * 1024));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO,
                     "%s: is a folder; expected a dataset file", display_name);
      else
        g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO,
                     "%s: cannot read the dataset: %s", display_name, local_error->message);
      return NULL;
    }

  return nichiro_dataset_new_from_data (contents, length, display_name, error);
}

/**
 * nichiro_dataset_new_from_resource:
 * @resource_path: a path in the program's GResources
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the dataset
 */
NichiroDataset *
nichiro_dataset_new_from_resource (const char  *resource_path,
                                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  const char *text;
  gsize length;

  g_return_val_if_fail (resource_path != NULL, NULL);

  display_name = g_strconcat ("resource://", resource_path, NULL);

  bytes = g_resource_lookup_data (nichiro_data_get_resource (), resource_path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  text = g_bytes_get_data (bytes, &length);
  return nichiro_dataset_new_from_data (text, length, display_name, error);
}

/**
 * nichiro_dataset_new_default:
 * @error: return location for an error
 *
 * Loads the dataset bundled with the program.
 *
 * Returns: (transfer full) (nullable): the dataset
 */
NichiroDataset *
nichiro_dataset_new_default (GError **error)
{
  return nichiro_dataset_new_from_resource (NICHIRO_DATASET_DEFAULT_RESOURCE, error);
}

const char *
nichiro_dataset_get_id (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->id;
}

const char *
nichiro_dataset_get_title (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->title;
}

const char *
nichiro_dataset_get_description (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->description;
}

const char *
nichiro_dataset_get_license (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->license;
}

/**
 * nichiro_dataset_get_display_name:
 * @self: a dataset
 *
 * Returns: the path or address the dataset was loaded from
 */
const char *
nichiro_dataset_get_display_name (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->display_name;
}

/**
 * nichiro_dataset_get_book:
 * @self: a dataset
 *
 * Returns: (nullable): the book the dataset accompanies
 */
const NichiroBook *
nichiro_dataset_get_book (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return self->book;
}

const NichiroSource *
nichiro_dataset_get_sources (NichiroDataset *self,
                             guint          *n_sources)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);
  g_return_val_if_fail (n_sources != NULL, NULL);

  *n_sources = self->sources->len;
  return (const NichiroSource *) (gpointer) self->sources->data;
}

/**
 * nichiro_dataset_get_period:
 * @self: a dataset
 * @out_start: (out) (optional): the first year or day of the period
 * @out_end: (out) (optional): the last
 *
 * The period the dataset is about, which the timeline opens on (1855–1956
 * for the bundled one). Entries may reach beyond it: see
 * nichiro_dataset_get_span().
 *
 * Returns: whether the dataset gives a period
 */
gboolean
nichiro_dataset_get_period (NichiroDataset *self,
                            NichiroDate    *out_start,
                            NichiroDate    *out_end)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), FALSE);

  if (out_start != NULL)
    *out_start = self->period_start;
  if (out_end != NULL)
    *out_end = self->period_end;
  return nichiro_date_is_set (&self->period_start);
}

/**
 * nichiro_dataset_get_span:
 * @self: a dataset
 * @out_first: (out) (optional): the earliest date of any entry
 * @out_last: (out) (optional): the latest date or end date of any entry
 *
 * The real range of the entries, which may be wider than the period.
 *
 * Returns: whether the dataset has entries
 */
gboolean
nichiro_dataset_get_span (NichiroDataset *self,
                          NichiroDate    *out_first,
                          NichiroDate    *out_last)
{
  GListModel *entries;
  guint n_entries;
  NichiroDate first = NICHIRO_DATE_NONE;
  NichiroDate last = NICHIRO_DATE_NONE;

  g_return_val_if_fail (NICHIRO_IS_DATASET (self), FALSE);

  entries = G_LIST_MODEL (self->entries);
  n_entries = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n_entries; i++)
    {
      NichiroEntry *entry = g_list_model_get_item (entries, i);
      const NichiroDate *end = nichiro_date_is_set (&entry->end_date) ? &entry->end_date : &entry->date;

      /* The list is in date order, so the first entry starts earliest. */
      if (i == 0)
        first = entry->date;
      if (!nichiro_date_is_set (&last) || nichiro_date_compare (end, &last) > 0)
        last = *end;
      g_object_unref (entry);
    }

  if (out_first != NULL)
    *out_first = first;
  if (out_last != NULL)
    *out_last = last;
  return n_entries > 0;
}

/**
 * nichiro_dataset_get_entries:
 * @self: a dataset
 *
 * Returns: (transfer none): a list of #NichiroEntry in date order
 */
GListModel *
nichiro_dataset_get_entries (NichiroDataset *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  return G_LIST_MODEL (self->entries);
}

/**
 * nichiro_dataset_lookup_entry:
 * @self: a dataset
 * @id: an entry id, or one of its former ids
 *
 * Returns: (transfer none) (nullable): the entry with that id; ids that
 *   were renamed keep finding their entry (nichiro_entry_get_former_ids())
 */
NichiroEntry *
nichiro_dataset_lookup_entry (NichiroDataset *self,
                              const char     *id)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->entries_by_id, id);
}

/* Edit distance of two ASCII ids, or @limit + 1 once it must exceed it. */
static guint
id_distance (const char *a,
             const char *b,
             guint       limit)
{
  gsize a_length = strlen (a), b_length = strlen (b);
  guint previous[65], current[65];

  if (a_length > 64 || b_length > 64)
    return limit + 1;

  for (gsize j = 0; j <= b_length; j++)
    previous[j] = j;
  for (gsize i = 1; i <= a_length; i++)
    {
      guint row_min = current[0] = i;

      for (gsize j = 1; j <= b_length; j++)
        {
          current[j] = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] != b[j - 1]));
          row_min = MIN (row_min, current[j]);
        }
      if (row_min > limit)
        return limit + 1;
      memcpy (previous, current, sizeof (guint) * (b_length + 1));
    }

  return previous[b_length];
}

typedef struct
{
  const char *id;
  guint rank;
} NearId;

static int
compare_near_ids (gconstpointer a,
                  gconstpointer b)
{
  const NearId *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return strcmp (x->id, y->id);
}

/**
 * nichiro_dataset_dup_near_ids:
 * @self: a dataset
 * @id: what someone typed for an id
 * @max: how many to give at most
 *
 * The ids a mistyped or shortened id most likely meant: those that begin
 * with it or contain it as a word ("portsmouth" gives "portsmouth-1905"),
 * then those a letter or two away.
 *
 * Returns: (transfer full): a %NULL-terminated list, best first, maybe empty
 */
GStrv
nichiro_dataset_dup_near_ids (NichiroDataset *self,
                              const char     *id,
                              guint           max)
{
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (NearId));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *folded = NULL;
  guint limit;

  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  folded = g_ascii_strdown (id, -1);
  limit = strlen (folded) >= 8 ? 2 : strlen (folded) >= 4 ? 1 : 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      const char *candidate = nichiro_entry_get_id (entry);
      const char *found = folded[0] != '\0' ? strstr (candidate, folded) : NULL;
      NearId near_id = { candidate, 0 };
      guint distance;

      if (found != NULL && (found == candidate || found[-1] == '-'))
        near_id.rank = found == candidate ? 0 : 1;
      else if ((distance = id_distance (folded, candidate, limit)) <= limit && limit > 0)
        near_id.rank = 1 + distance;
      else
        continue;

      g_array_append_val (near, near_id);
    }

  g_array_sort (near, compare_near_ids);
  for (guint i = 0; i < near->len && i < max; i++)
    g_strv_builder_add (builder, g_array_index (near, NearId, i).id);

  return g_strv_builder_end (builder);
}

/* The related lists turned around, in date order of the entries that
 * point. The ids are the entries' own strings, which live as long as the
 * dataset. */
static GHashTable *
build_incoming (NichiroDataset *self)
{
  GHashTable *incoming = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  guint n_entries = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      const NichiroRelated *related;
      guint n_related;

      related = nichiro_entry_get_related (entry, &n_related);
      for (guint r = 0; r < n_related; r++)
        {
          /* A relation may name an entry by a former id. */
          NichiroEntry *target = nichiro_dataset_lookup_entry (self, related[r].id);
          NichiroRelated back = { (char *) nichiro_entry_get_id (entry), related[r].relation };
          GArray *list;

          if (target == NULL)
            continue;

          list = g_hash_table_lookup (incoming, nichiro_entry_get_id (target));
          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (NichiroRelated));
              g_hash_table_insert (incoming, (char *) nichiro_entry_get_id (target), list);
            }
          g_array_append_val (list, back);
        }
    }

  return incoming;
}

/**
 * nichiro_dataset_get_incoming:
 * @self: a dataset
 * @id: an entry id
 * @n_incoming: (out): where to store the number of relations
 *
 * The relations other entries have to @id (an entry's id, not a former
 * one): each names the entry that
 * points at @id and the relation as that entry gives it, so that
 * nichiro_relation_get_inverse_label() reads it from @id's end ("Superseded
 * by"). In the date order of the entries that point.
 *
 * Returns: (array length=n_incoming) (transfer none) (nullable): the
 *   relations, or %NULL when none points at @id
 */
const NichiroRelated *
nichiro_dataset_get_incoming (NichiroDataset *self,
                              const char     *id,
                              guint          *n_incoming)
{
  GArray *list;

  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);
  g_return_val_if_fail (n_incoming != NULL, NULL);

  /* A dataset is read on one thread at a time once loaded. */
  if (self->incoming == NULL)
    self->incoming = build_incoming (self);

  list = id != NULL ? g_hash_table_lookup (self->incoming, id) : NULL;
  *n_incoming = list != NULL ? list->len : 0;
  return list != NULL ? (const NichiroRelated *) (gpointer) list->data : NULL;
}

/**
 * nichiro_dataset_dup_citation:
 * @self: a dataset
 * @entry: one of its entries
 *
 * A reference to @entry in the Chicago style, citing the entry's first
 * source and the dataset (nichiro_citation_format() for another source
 * or style): "Treaty of Portsmouth (Japan–Russian Empire),
 * signed at Portsmouth, 5 September 1905. “Treaty of Portsmouth,”
 * Wikipedia, https://…. Cited from Nichiro, “Japan–Russia Relations,
 * 1855–1956” (dataset, CC-BY-4.0)."
 *
 * Returns: (transfer full): the citation
 */
char *
nichiro_dataset_dup_citation (NichiroDataset *self,
                              NichiroEntry   *entry)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return nichiro_citation_format (self, entry, 0, NICHIRO_CITATION_CHICAGO, now);
}

#define DEFINE_TABLE_ACCESSORS(Type, name, member)                          \
const Type *                                                                \
nichiro_dataset_get_##member (NichiroDataset *self,                         \
                              guint          *n_items)                      \
{                                                                           \
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);                   \
  g_return_val_if_fail (n_items != NULL, NULL);                             \
                                                                            \
  *n_items = self->member.items->len;                                       \
  return (const Type *) (gpointer) self->member.items->data;                \
}                                                                           \
                                                                            \
const Type *                                                                \
nichiro_dataset_lookup_##name (NichiroDataset *self,                        \
                               const char     *id)                          \
{                                                                           \
  g_return_val_if_fail (NICHIRO_IS_DATASET (self), NULL);                   \
                                                                            \
  return table_lookup (&self->member, id);                                  \
}

DEFINE_TABLE_ACCESSORS (NichiroState, state, states)
DEFINE_TABLE_ACCESSORS (NichiroPart, part, parts)
DEFINE_TABLE_ACCESSORS (NichiroEra, era, eras)
DEFINE_TABLE_ACCESSORS (NichiroThread, thread, threads)
DEFINE_TABLE_ACCESSORS (NichiroPerson, person, people)
DEFINE_TABLE_ACCESSORS (NichiroPlace, place, places)

/**
 * nichiro_state_get_name:
 * @state: a state
 * @language: the language wanted
 *
 * Returns: the state's name in @language, or in English when the dataset
 *   does not give it in @language
 */
const char *
nichiro_state_get_name (const NichiroState *state,
                        NichiroLanguage     language)
{
  g_return_val_if_fail (state != NULL, NULL);

  return nichiro_names_get (&state->name, language);
}

/**
 * nichiro_person_get_name:
 * @person: a person
 * @language: the language wanted
 *
 * Returns: the person's name in @language, or in English
 */
const char *
nichiro_person_get_name (const NichiroPerson *person,
                         NichiroLanguage      language)
{
  g_return_val_if_fail (person != NULL, NULL);

  return nichiro_names_get (&person->name, language);
}

/**
 * nichiro_part_get_title:
 * @part: a chapter part
 * @language: the language wanted
 *
 * Returns: the part's title in @language, or in English
 */
const char *
nichiro_part_get_title (const NichiroPart *part,
                        NichiroLanguage    language)
{
  g_return_val_if_fail (part != NULL, NULL);

  return nichiro_names_get (&part->titles, language);
}

/**
 * nichiro_part_get_summary:
 * @part: a chapter part
 * @language: the language wanted
 *
 * Returns: (nullable): the part's summary in @language, or in English, or
 *   %NULL when it has none
 */
const char *
nichiro_part_get_summary (const NichiroPart *part,
                          NichiroLanguage    language)
{
  g_return_val_if_fail (part != NULL, NULL);

  if (part->summaries.en == NULL)
    return NULL;

  return nichiro_names_get (&part->summaries, language);
}

/**
 * nichiro_thread_get_name:
 * @thread: a thread
 * @language: the language wanted
 *
 * Returns: the thread's name in @language, or in English
 */
const char *
nichiro_thread_get_name (const NichiroThread *thread,
                         NichiroLanguage      language)
{
  g_return_val_if_fail (thread != NULL, NULL);

  return nichiro_names_get (&thread->name, language);
}

/**
 * nichiro_era_get_name:
 * @era: an era of the timeline
 * @language: the language wanted
 *
 * Returns: the era's name in @language, or in English
 */
const char *
nichiro_era_get_name (const NichiroEra *era,
                      NichiroLanguage   language)
{
  g_return_val_if_fail (era != NULL, NULL);

  return nichiro_names_get (&era->name, language);
}

/**
 * nichiro_place_get_name:
 * @place: a place
 * @language: the language wanted
 *
 * Returns: the place's name in @language, or in English
 */
const char *
nichiro_place_get_name (const NichiroPlace *place,
                        NichiroLanguage     language)
{
  g_return_val_if_fail (place != NULL, NULL);

  return nichiro_names_get (&place->name, language);
}

/**
 * nichiro_place_precision_to_string:
 * @precision: a precision
 *
 * Returns: the keyword the dataset format uses: `building`, `city` or
 *   `region`
 */
const char *
nichiro_place_precision_to_string (NichiroPlacePrecision precision)
{
  switch (precision)
    {
    case NICHIRO_PLACE_PRECISION_BUILDING:
      return "building";
    case NICHIRO_PLACE_PRECISION_REGION:
      return "region";
    case NICHIRO_PLACE_PRECISION_CITY:
    default:
      return "city";
    }
}
