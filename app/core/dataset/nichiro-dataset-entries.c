/* nichiro-dataset-entries.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-dataset"

#include "config.h"

#include "nichiro-dataset-private.h"
#include "nichiro-entry-private.h"

/* Reading the dataset's entries: each one's dates, lifecycle, end and
 * partial ends, Japanese era, signatories, articles and relations; then
 * what can only be checked once all are read (related ids, the entries
 * that ended an instrument, former ids), and the entries put in date
 * order. */

static void
read_lifecycle (Loader       *loader,
                JsonObject   *object,
                NichiroEntry *entry)
{
  JsonArray *array = _nichiro_dataset_get_array (object, "lifecycle");
  const NichiroDate *previous = &entry->date;

  nichiro_json_checker_push_member (loader->checker, "lifecycle");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *step_object = _nichiro_dataset_get_element_object (array, i);
      NichiroLifecycleStep step = { 0, };

      if (step_object == NULL ||
          !nichiro_stage_from_string (_nichiro_dataset_get_string (step_object, "stage"), &step.stage))
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      step.date = _nichiro_dataset_read_date (step_object, "date");
      step.note = g_strdup (_nichiro_dataset_get_string (step_object, "note"));
      _nichiro_dataset_check_old_style (loader, step_object, "date_old_style", &step.date, &step.date_old_style);
      _nichiro_dataset_check_order (loader, "date", previous, &step.date,
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
  JsonArray *array = _nichiro_dataset_get_array (object, "sources");
  guint length = array != NULL ? json_array_get_length (array) : 0;
  NichiroSource *sources = g_new0 (NichiroSource, MAX (length, 1));
  guint n = 0;

  for (guint i = 0; i < length; i++)
    {
      JsonObject *source_object = _nichiro_dataset_get_element_object (array, i);

      if (source_object == NULL)
        continue;
      sources[n].title = g_strdup (_nichiro_dataset_get_string (source_object, "title"));
      sources[n].url = g_strdup (_nichiro_dataset_get_string (source_object, "url"));
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
  if (!nichiro_end_status_from_string (_nichiro_dataset_get_string (object, "status"), &end->status))
    end->status = NICHIRO_END_UNKNOWN;
  end->date = _nichiro_dataset_read_date (object, "date");
  _nichiro_dataset_check_old_style (loader, object, "date_old_style", &end->date, &end->date_old_style);
  _nichiro_dataset_check_order (loader, "date", after, &end->date, after_what);
  end->by = _nichiro_dataset_dup_strv (object, "by");
  end->note = g_strdup (_nichiro_dataset_get_string (object, "note"));
  end->sources = dup_sources (object, &end->n_sources);
}

static void
read_end_views (Loader       *loader,
                JsonObject   *object,
                NichiroEntry *entry,
                NichiroEnd   *end)
{
  JsonArray *array = _nichiro_dataset_get_array (object, "views");
  guint length = array != NULL ? json_array_get_length (array) : 0;

  end->views = g_new0 (NichiroEndView, MAX (length, 1));
  nichiro_json_checker_push_member (loader->checker, "views");
  for (guint i = 0; i < length; i++)
    {
      JsonObject *view_object = _nichiro_dataset_get_element_object (array, i);
      NichiroEndView *view = &end->views[end->n_views];

      if (view_object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      view->parties = _nichiro_dataset_dup_strv (view_object, "parties");
      _nichiro_dataset_check_reference_list (loader, view_object, "parties", &loader->dataset->states, "states");
      view->date = _nichiro_dataset_read_date (view_object, "date");
      _nichiro_dataset_check_old_style (loader, view_object, "date_old_style", &view->date, &view->date_old_style);
      _nichiro_dataset_check_order (loader, "date", &entry->date, &view->date, "the entry's date");
      view->note = g_strdup (_nichiro_dataset_get_string (view_object, "note"));
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
  JsonObject *end_object = _nichiro_dataset_get_object (object, "end");
  JsonArray *lifecycle = _nichiro_dataset_get_array (object, "lifecycle");
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
      JsonObject *step_object = _nichiro_dataset_get_element_object (lifecycle, i);

      if (step_object == NULL || g_strcmp0 (_nichiro_dataset_get_string (step_object, "stage"), "ended") != 0)
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
  JsonArray *array = _nichiro_dataset_get_array (object, "partial_ends");

  nichiro_json_checker_push_member (loader->checker, "partial_ends");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *end_object = _nichiro_dataset_get_element_object (array, i);
      NichiroEnd end = { 0, };

      if (end_object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      end.articles = _nichiro_dataset_dup_strv (end_object, "articles");
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
  JsonObject *era = _nichiro_dataset_get_object (object, "japanese_era");
  const char *name;
  int year;

  if (era == NULL)
    return;

  name = _nichiro_dataset_get_string (era, "era");
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
  JsonArray *array = _nichiro_dataset_get_array (object, "signatories");

  nichiro_json_checker_push_member (loader->checker, "signatories");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *signatory_object = _nichiro_dataset_get_element_object (array, i);
      const NichiroPerson *person;
      NichiroSignatory signatory = { 0, };

      if (signatory_object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      signatory.person_id = g_strdup (_nichiro_dataset_get_string (signatory_object, "person"));
      signatory.side = g_strdup (_nichiro_dataset_get_string (signatory_object, "side"));
      signatory.office = g_strdup (_nichiro_dataset_get_string (signatory_object, "office"));

      person = _nichiro_dataset_table_lookup (&dataset->people, signatory.person_id);
      if (person != NULL)
        {
          signatory.name.en = g_strdup (person->name.en);
          signatory.name.ja = g_strdup (person->name.ja);
          signatory.name.ru = g_strdup (person->name.ru);
        }

      nichiro_json_checker_push_member (loader->checker, "person");
      _nichiro_dataset_check_reference (loader, &dataset->people, signatory.person_id, "people");
      nichiro_json_checker_pop (loader->checker);
      nichiro_json_checker_push_member (loader->checker, "side");
      _nichiro_dataset_check_reference (loader, &dataset->states, signatory.side, "states");
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
  JsonArray *array = _nichiro_dataset_get_array (object, "articles");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *article_object = _nichiro_dataset_get_element_object (array, i);
      NichiroArticle article = { 0, };

      if (article_object == NULL)
        continue;

      article.number = g_strdup (_nichiro_dataset_get_string (article_object, "number"));
      article.text = g_strdup (_nichiro_dataset_get_string (article_object, "text"));
      article.secret = json_object_get_boolean_member_with_default (article_object, "secret", FALSE);
      g_array_append_val (entry->articles, article);
    }
}

static void
read_related (JsonObject   *object,
              NichiroEntry *entry)
{
  JsonArray *array = _nichiro_dataset_get_array (object, "related");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *related_object = _nichiro_dataset_get_element_object (array, i);
      NichiroRelated related = { 0, };

      if (related_object == NULL ||
          !nichiro_relation_from_string (_nichiro_dataset_get_string (related_object, "relation"), &related.relation))
        continue;

      related.id = g_strdup (_nichiro_dataset_get_string (related_object, "id"));
      g_array_append_val (entry->related, related);
    }
}

static NichiroEntry *
read_entry (Loader     *loader,
            JsonObject *object)
{
  NichiroDataset *dataset = loader->dataset;
  g_autoptr(NichiroEntry) entry = _nichiro_entry_new ();

  entry->id = g_strdup (_nichiro_dataset_get_string (object, "id"));
  entry->former_ids = _nichiro_dataset_dup_strv (object, "former_ids");
  if (!nichiro_entry_kind_from_string (_nichiro_dataset_get_string (object, "kind"), &entry->kind))
    entry->kind = NICHIRO_ENTRY_KIND_EVENT;
  _nichiro_dataset_read_names (object, "title", &entry->title);
  _nichiro_dataset_read_names (object, "short_title", &entry->short_title);
  entry->aliases = _nichiro_dataset_dup_strv (object, "aliases");
  entry->date = _nichiro_dataset_read_date (object, "date");
  entry->end_date = _nichiro_dataset_read_date (object, "end_date");
  _nichiro_dataset_check_old_style (loader, object, "date_old_style", &entry->date, &entry->date_old_style);
  _nichiro_dataset_check_old_style (loader, object, "end_date_old_style", &entry->end_date, &entry->end_date_old_style);
  _nichiro_dataset_check_order (loader, "end_date", &entry->date, &entry->end_date, "the entry's date");
  read_era_override (loader, object, entry);

  read_lifecycle (loader, object, entry);
  read_end (loader, object, entry);
  read_partial_ends (loader, object, entry);

  entry->place = g_strdup (_nichiro_dataset_get_string (object, "place"));
  entry->places = _nichiro_dataset_dup_strv (object, "places");
  _nichiro_dataset_check_reference_list (loader, object, "places", &dataset->places, "places");
  entry->parties = _nichiro_dataset_dup_strv (object, "parties");
  _nichiro_dataset_check_reference_list (loader, object, "parties", &dataset->states, "states");

  read_signatories (loader, object, entry);

  entry->summary = g_strdup (_nichiro_dataset_get_string (object, "summary"));
  read_articles (object, entry);
  entry->significance = g_strdup (_nichiro_dataset_get_string (object, "significance"));
  read_related (object, entry);
  entry->threads = _nichiro_dataset_dup_strv (object, "threads");
  _nichiro_dataset_check_reference_list (loader, object, "threads", &dataset->threads, "threads");

  entry->part = g_strdup (_nichiro_dataset_get_string (object, "part"));
  nichiro_json_checker_push_member (loader->checker, "part");
  _nichiro_dataset_check_reference (loader, &dataset->parts, entry->part, "parts");
  nichiro_json_checker_pop (loader->checker);

  _nichiro_dataset_read_sources (object, entry->sources);
  entry->notes = g_strdup (_nichiro_dataset_get_string (object, "notes"));

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
  JsonArray *by = end_object ? _nichiro_dataset_get_array (end_object, "by") : NULL;

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
      JsonObject *object = _nichiro_dataset_get_element_object (entries, i);
      JsonArray *related = object ? _nichiro_dataset_get_array (object, "related") : NULL;
      JsonArray *partial_ends = object ? _nichiro_dataset_get_array (object, "partial_ends") : NULL;
      const char *id = object ? _nichiro_dataset_get_string (object, "id") : NULL;

      if (object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      nichiro_json_checker_push_member (loader->checker, "related");
      for (guint j = 0; related != NULL && j < json_array_get_length (related); j++)
        {
          JsonObject *related_object = _nichiro_dataset_get_element_object (related, j);
          const char *target = related_object ? _nichiro_dataset_get_string (related_object, "id") : NULL;

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
      check_end_by (loader, _nichiro_dataset_get_object (object, "end"), id);
      nichiro_json_checker_pop (loader->checker);

      nichiro_json_checker_push_member (loader->checker, "partial_ends");
      for (guint j = 0; partial_ends != NULL && j < json_array_get_length (partial_ends); j++)
        {
          nichiro_json_checker_push_index (loader->checker, j);
          check_end_by (loader, _nichiro_dataset_get_element_object (partial_ends, j), id);
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
      JsonObject *object = _nichiro_dataset_get_element_object (entries, i);
      const char *id = object ? _nichiro_dataset_get_string (object, "id") : NULL;
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

void
_nichiro_dataset_read_entries (Loader *loader)
{
  NichiroDataset *dataset = loader->dataset;
  JsonArray *array = _nichiro_dataset_get_array (loader->root, "entries");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);

  if (array == NULL)
    return;

  nichiro_json_checker_push_member (loader->checker, "entries");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = _nichiro_dataset_get_element_object (array, i);

      if (object == NULL)
        continue;

      nichiro_json_checker_push_index (loader->checker, i);
      if (_nichiro_dataset_claim_id (loader, seen, _nichiro_dataset_get_string (object, "id"), "entries"))
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
