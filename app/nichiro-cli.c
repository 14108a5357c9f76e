/* nichiro-cli.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-cli.h"
#include "nichiro-fsrs-replay.h"
#include "nichiro-in-force.h"
#include "nichiro-search.h"
#include "nichiro-territory.h"

#include <locale.h>
#include <stdio.h>

/* The command line modes answer without a display: they run before the
 * application registers or opens a window. */

static void
print_utf8_cb (const char *text)
{
  fputs (text, stdout);
}

static void
printerr_utf8_cb (const char *text)
{
  fputs (text, stderr);
}

/**
 * nichiro_cli_use_utf8:
 *
 * Makes the output UTF-8 whatever the locale, and arguments read as the
 * terminal most likely wrote them. Called once from main(), after
 * setlocale().
 *
 * GLib converts what g_print() writes to the locale's character set, so
 * under LC_ALL=C Japanese and Russian came out as "???" (and JSON, always
 * UTF-8 by definition, was wrong). So both g_print() and g_printerr()
 * write their UTF-8 as it is. And in the C or POSIX locale, whose
 * character set is ASCII, GOption could not read a Japanese argument at
 * all: as Python does (PEP 538), the character type then becomes C.UTF-8,
 * leaving messages, dates and everything else in the C locale.
 */
void
nichiro_cli_use_utf8 (void)
{
  const char *ctype = setlocale (LC_CTYPE, NULL);

  if (g_strcmp0 (ctype, "C") == 0 || g_strcmp0 (ctype, "POSIX") == 0)
    {
      if (setlocale (LC_CTYPE, "C.UTF-8") == NULL)
        setlocale (LC_CTYPE, "C.utf8");
    }

  g_set_print_handler (print_utf8_cb);
  g_set_printerr_handler (printerr_utf8_cb);
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
print_entry_line (NichiroEntry *entry)
{
  g_autofree char *iso = nichiro_date_to_iso (nichiro_entry_get_date (entry));

  /* The title in the interface's language, as --show and --in-force give it. */
  g_print ("%-10s  %-11s  %-32s  %s\n",
           iso,
           nichiro_entry_kind_to_string (nichiro_entry_get_kind (entry)),
           nichiro_entry_get_id (entry),
           nichiro_entry_get_display_title (entry, nichiro_language_get_interface ()));
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  g_string_append_printf (out, "%s: %s\n", label, value);
}


static const char *
state_name (NichiroDataset  *dataset,
            const char      *id,
            NichiroLanguage  language)
{
  const NichiroState *state = nichiro_dataset_lookup_state (dataset, id);

  return state != NULL ? nichiro_state_get_name (state, language) : id;
}

static char *
join_state_names (NichiroDataset     *dataset,
                  const char * const *ids,
                  NichiroLanguage     language)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, state_name (dataset, ids[i], language));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_end (GString          *out,
            NichiroDataset   *dataset,
            const NichiroEnd *end,
            NichiroLanguage   language)
{
  g_autofree char *date = nichiro_entry_format_date (&end->date, &end->date_old_style, FALSE);

  g_string_append_printf (out, "%s: %s", _("End"), nichiro_end_status_get_label (end->status));
  if (date[0] != '\0')
    g_string_append_printf (out, ", %s", date);
  g_string_append_printf (out, " — %s\n", end->note);

  for (guint i = 0; i < end->n_views; i++)
    {
      g_autofree char *parties = join_state_names (dataset, (const char * const *) end->views[i].parties, language);
      g_autofree char *view_date = nichiro_entry_format_date (&end->views[i].date,
                                                             &end->views[i].date_old_style, FALSE);

      g_string_append_printf (out, "  %s: %s — %s\n", parties,
                              view_date[0] != '\0' ? view_date : _("still in force"),
                              end->views[i].note);
    }
}

static void
print_entry_text (NichiroDataset *dataset,
                  NichiroEntry   *entry)
{
  g_autoptr(GString) out = g_string_new (NULL);
  NichiroLanguage language = nichiro_language_get_interface ();
  g_autofree char *dates = nichiro_entry_dup_dates_text (entry);
  g_autofree char *parties = join_state_names (dataset, nichiro_entry_get_parties (entry), language);
  const NichiroNames *titles = nichiro_entry_get_titles (entry);
  const NichiroEnd *end = nichiro_entry_get_end (entry);
  const NichiroLifecycleStep *steps;
  const NichiroSignatory *signatories;
  const NichiroArticle *articles;
  const NichiroRelated *related;
  const NichiroSource *sources;
  const NichiroPart *part;
  guint n;

  g_string_append_printf (out, "%s\n", titles->en);
  append_field (out, _("Japanese"), titles->ja);
  append_field (out, _("Russian"), titles->ru);
  append_field (out, _("Kind"), nichiro_entry_kind_get_label (nichiro_entry_get_kind (entry)));
  append_field (out, _("Date"), dates);

  steps = nichiro_entry_get_lifecycle (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = NULL;

      /* The end is told in full below. */
      if (end != NULL && steps[i].stage == NICHIRO_STAGE_ENDED)
        continue;

      date = nichiro_entry_format_date (&steps[i].date, &steps[i].date_old_style, FALSE);
      g_string_append_printf (out, "%s: %s%s%s\n",
                              nichiro_stage_get_label (steps[i].stage), date,
                              steps[i].note ? " — " : "", steps[i].note ? steps[i].note : "");
    }
  if (end != NULL)
    append_end (out, dataset, end, language);

  append_field (out, _("Place"), nichiro_entry_get_place (entry));
  append_field (out, _("Parties"), parties);

  signatories = nichiro_entry_get_signatories (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, "%s: %s (%s%s%s)\n", _("Signatory"),
                              nichiro_names_get (&signatories[i].name, language),
                              state_name (dataset, signatories[i].side, language),
                              signatories[i].office ? ", " : "",
                              signatories[i].office ? signatories[i].office : "");
    }

  g_string_append_printf (out, "\n%s\n", nichiro_entry_get_summary (entry));

  articles = nichiro_entry_get_articles (entry, &n);
  if (n > 0)
    g_string_append_printf (out, "\n%s\n", _("Key articles"));
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "  %s%s. %s\n",
                            articles[i].secret ? _("Secret article ") : _("Article "),
                            articles[i].number, articles[i].text);

  if (nichiro_entry_get_significance (entry) != NULL)
    g_string_append_printf (out, "\n%s: %s\n", _("Significance"), nichiro_entry_get_significance (entry));

  related = nichiro_entry_get_related (entry, &n);
  if (n > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < n; i++)
    {
      NichiroEntry *target = nichiro_dataset_lookup_entry (dataset, related[i].id);

      g_string_append_printf (out, "%s: %s (%s)\n",
                              nichiro_relation_get_label (related[i].relation),
                              target ? nichiro_entry_get_title (target) : related[i].id,
                              related[i].id);
    }

  part = nichiro_dataset_lookup_part (dataset, nichiro_entry_get_part (entry));
  if (part != NULL)
    g_string_append_printf (out, "%s: %u. %s\n", _("Chapter part"), part->number,
                            nichiro_part_get_title (part, language));

  sources = nichiro_entry_get_sources (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      if (sources[i].url != NULL)
        g_string_append_printf (out, "%s: %s <%s>\n", _("Source"), sources[i].title, sources[i].url);
      else
        g_string_append_printf (out, "%s: %s\n", _("Source"), sources[i].title);
    }

  append_field (out, _("Notes"), nichiro_entry_get_notes (entry));

  g_print ("%s", out->str);
}

static int
run_validate (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  dataset = nichiro_dataset_new_from_file (file, &error);
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NICHIRO_EXIT_BAD_INPUT;
    }

  g_print (_("%s: valid (%u entries)\n"),
           nichiro_dataset_get_display_name (dataset),
           g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)));
  return NICHIRO_EXIT_OK;
}

static int
run_search (NichiroDataset *dataset,
            const char     *query,
            gboolean        json)
{
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, query);
  GPtrArray *items = results->items;

  for (guint i = 0; results->warnings[i] != NULL; i++)
    g_printerr ("%s\n", results->warnings[i]);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (items->len);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < items->len; i++)
        {
          const NichiroSearchResult *result = g_ptr_array_index (items, i);
          g_autoptr(JsonNode) entry_node = nichiro_entry_to_json (result->entry);
          JsonObject *object = json_node_get_object (entry_node);
          g_autoptr(JsonObject) copy = json_object_new ();
          GList *members = json_object_get_members (object);

          /* Entry objects are immutable; copy the members to add the score,
           * in their order (an iterator would give the hash table's). */
          for (GList *l = members; l != NULL; l = l->next)
            json_object_set_member (copy, l->data, json_object_dup_member (object, l->data));
          g_list_free (members);
          json_object_set_double_member (copy, "score", result->score);
          json_array_add_object_element (array, g_steal_pointer (&copy));
        }
      json_node_set_array (node, array);
      print_json (node);
    }
  else
    {
      for (guint i = 0; i < items->len; i++)
        print_entry_line (((NichiroSearchResult *) g_ptr_array_index (items, i))->entry);
    }

  if (items->len == 0)
    {
      g_printerr (_("No entries match “%s”.\n"), query);
      if (results->suggestion != NULL)
        g_printerr (_("Try “%s”.\n"), results->suggestion);
      return NICHIRO_EXIT_NOT_FOUND;
    }

  return NICHIRO_EXIT_OK;
}

static int
run_show (NichiroDataset *dataset,
          const char     *id,
          gboolean        json)
{
  NichiroEntry *entry = nichiro_dataset_lookup_entry (dataset, id);

  if (entry == NULL)
    {
      g_auto(GStrv) near = nichiro_dataset_dup_near_ids (dataset, id, 5);

      if (near[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", near);

          /* Translators: the second %s is a list of entry ids */
          g_printerr (_("No entry has the id “%s”. Did you mean %s?\n"), id, list);
        }
      else
        {
          g_printerr (_("No entry has the id “%s”; nichiro --list shows them all.\n"), id);
        }
      return NICHIRO_EXIT_NOT_FOUND;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = nichiro_entry_to_json (entry);

      print_json (node);
    }
  else
    {
      print_entry_text (dataset, entry);
    }

  return NICHIRO_EXIT_OK;
}

static int
run_list (NichiroDataset *dataset,
          gboolean        json)
{
  GListModel *entries = nichiro_dataset_get_entries (dataset);
  guint n_entries = g_list_model_get_n_items (entries);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (n_entries);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

          json_array_add_element (array, nichiro_entry_to_json (entry));
        }
      json_node_set_array (node, array);
      print_json (node);
    }
  else
    {
      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

          print_entry_line (entry);
        }
    }

  return NICHIRO_EXIT_OK;
}

static void
print_in_force_text (NichiroDataset       *dataset,
                     const NichiroInForce *item)
{
  NichiroLanguage language = nichiro_language_get_interface ();
  g_autofree char *signed_iso = nichiro_date_to_iso (nichiro_entry_get_date (item->entry));
  g_autofree char *since = nichiro_date_format (&item->since);
  g_autofree char *until = NULL;
  g_autoptr(GString) line = g_string_new (NULL);

  g_print ("%-10s  %-32s  %s\n", signed_iso, nichiro_entry_get_id (item->entry),
           nichiro_entry_get_display_title (item->entry, language));

  if (item->end != NULL && item->end->status == NICHIRO_END_DISPUTED)
    {
      g_autofree char *from = NULL;
      NichiroDate earliest = NICHIRO_DATE_NONE;

      for (guint i = 0; i < item->end->n_views; i++)
        {
          const NichiroDate *date = &item->end->views[i].date;

          if (nichiro_date_is_set (date) &&
              (!nichiro_date_is_set (&earliest) || nichiro_date_compare (date, &earliest) < 0))
            earliest = *date;
        }
      from = nichiro_date_format (&earliest);
      /* Translators: an instrument whose end the parties dispute: "in force
       * since 25 April 1941; disputed from 9 August 1945" */
      g_string_append_printf (line, _("in force since %s; disputed from %s"), since, from);
    }
  else
    {
      if (nichiro_date_is_set (&item->until))
        {
          g_autofree char *until_date = nichiro_date_format (&item->until);

          /* Translators: when an instrument ends and how: "until 17 July
           * 1899 (Superseded)" */
          until = g_strdup_printf (_("until %s (%s)"), until_date,
                                   item->end != NULL ? nichiro_end_status_get_label (item->end->status)
                                                     : nichiro_stage_get_label (NICHIRO_STAGE_ENDED));
        }
      else if (item->end != NULL && item->end->status == NICHIRO_END_STILL_IN_FORCE)
        {
          until = g_strdup (_("still in force"));
        }
      else if (item->end != NULL && item->end->status == NICHIRO_END_NO_FORMAL_END)
        {
          until = g_strdup (_("no formal end"));
        }
      else
        {
          until = g_strdup (_("no end recorded"));
        }
      /* Translators: "in force since 15 October 1905; until 9 August 1945 (Superseded)" */
      g_string_append_printf (line, _("in force since %s; %s"), since, until);
    }

  if (item->force == NICHIRO_FORCE_DISPUTED)
    g_string_append_printf (line, " — %s", _("disputed on this day"));

  /* Translators: follows the in-force line: "; stage: In force" */
  g_string_append_printf (line, _("; stage: %s"),
                          item->signed_only ? _("Signed") : nichiro_stage_get_label (item->stage));
  g_print ("            %s\n", line->str);

  for (guint i = 0; i < item->partial_ends->len; i++)
    {
      const NichiroEnd *partial = g_ptr_array_index (item->partial_ends, i);
      g_autofree char *articles = g_strjoinv (", ", partial->articles);
      g_autofree char *date = nichiro_date_format (&partial->date);

      g_print ("            ");
      /* Translators: articles of an instrument that ended before the rest:
       * "except article 2: Superseded, 22 August 1875" */
      g_print (_("except article %s: %s, %s"), articles, nichiro_end_status_get_label (partial->status), date);
      g_print ("\n");
    }
}

static int
run_in_force (NichiroDataset *dataset,
              const char     *text,
              gboolean        json)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day_text = NULL;
  NichiroDate day;

  if (!nichiro_in_force_parse_day (text, &day, NULL, &error))
    {
      g_printerr (_("--in-force: %s\n"), error->message);
      return NICHIRO_EXIT_BAD_INPUT;
    }

  items = nichiro_in_force_on (dataset, &day);
  day_text = nichiro_date_format (&day);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_sized_new (items->len);
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < items->len; i++)
        json_array_add_element (array, nichiro_in_force_to_json (g_ptr_array_index (items, i)));
      json_node_set_array (node, array);
      print_json (node);
    }
  else
    {
      for (guint i = 0; i < items->len; i++)
        print_in_force_text (dataset, g_ptr_array_index (items, i));
    }

  if (items->len == 0)
    {
      g_printerr (_("No instrument of the dataset was in force on %s.\n"), day_text);
      return NICHIRO_EXIT_NOT_FOUND;
    }

  return NICHIRO_EXIT_OK;
}

/* Who held each area of the frontier on a day, as the map shows it: one
 * line an area, then the treaty lines that held. */
static int
run_territory (NichiroDataset *dataset,
               const char     *text,
               gboolean        json)
{
  NichiroFrontier *frontier = nichiro_dataset_get_frontier (dataset);
  NichiroLanguage language = nichiro_language_get_interface ();
  g_autoptr(GArray) holdings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day_text = NULL;
  const NichiroFrontierLine *lines = NULL;
  guint n_lines = 0;
  gint64 julian_day;
  NichiroDate day;

  if (!nichiro_in_force_parse_day (text, &day, NULL, &error))
    {
      g_printerr (_("--territory: %s\n"), error->message);
      return NICHIRO_EXIT_BAD_INPUT;
    }

  if (frontier == NULL)
    {
      g_printerr (_("The dataset has no frontier to show.\n"));
      return NICHIRO_EXIT_NOT_FOUND;
    }

  julian_day = nichiro_date_to_julian_day (&day);
  if (json)
    {
      g_autoptr(JsonNode) node = nichiro_territory_to_json (dataset, julian_day);

      print_json (node);
      return NICHIRO_EXIT_OK;
    }

  day_text = nichiro_date_format (&day);
  /* Translators: heads the frontier on a day: "On 1 January 1910:" */
  g_print (_("On %s:\n"), day_text);

  holdings = nichiro_territory_on (frontier, julian_day);
  for (guint i = 0; i < holdings->len; i++)
    {
      const NichiroHolding *holding = &g_array_index (holdings, NichiroHolding, i);
      g_autofree char *line = nichiro_holding_dup_text (dataset, holding, language, language, TRUE);

      g_print ("%-18s  %s\n", holding->area->id, line);
    }

  lines = nichiro_frontier_get_lines (frontier, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *citation = NULL;

      if (!nichiro_frontier_line_holds_on (&lines[i], julian_day))
        continue;

      citation = nichiro_territory_dup_citation (dataset, lines[i].entry, lines[i].article, language);
      /* Translators: a frontier line a treaty drew, on the command line:
       * "line: 50th parallel (1905) (Treaty of Portsmouth, Art. IX)" */
      g_print ("%-18s  ", lines[i].id);
      g_print (_("line: %s (%s)"), nichiro_names_get (&lines[i].name, language), citation);
      g_print ("\n");
    }

  return NICHIRO_EXIT_OK;
}

static void
print_replay_line_cb (const NichiroFsrsReplayReview *review,
                      const NichiroFsrsCard         *card,
                      gpointer                       user_data)
{
  g_autofree char *line = nichiro_fsrs_replay_format_line (review, card);

  g_print ("%s\n", line);
}

/* Replays a review log with the FSRS-6 scheduler, so that anyone can check
 * it against another implementation line by line. The whole file is
 * checked first: a bad line prints nothing but the problems. */
static int
run_replay_reviews (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(NichiroFsrsReplay) replay = NULL;
  g_autoptr(GError) error = NULL;

  replay = nichiro_fsrs_replay_new_from_file (file, &error);
  if (replay == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NICHIRO_EXIT_BAD_INPUT;
    }

  nichiro_fsrs_replay_run (replay, print_replay_line_cb, NULL);
  return NICHIRO_EXIT_OK;
}

void
nichiro_cli_options_clear (NichiroCliOptions *options)
{
  g_clear_pointer (&options->search, g_free);
  g_clear_pointer (&options->show, g_free);
  g_clear_pointer (&options->validate, g_free);
  g_clear_pointer (&options->in_force, g_free);
  g_clear_pointer (&options->territory, g_free);
  g_clear_pointer (&options->data, g_free);
  g_clear_pointer (&options->replay_reviews, g_free);
}

/**
 * nichiro_cli_options_opens_window:
 * @options: what the command line asked for
 *
 * Returns: whether @options ask for no command-line mode, so that the
 *   window opens (on the dataset --data names, if it does)
 */
gboolean
nichiro_cli_options_opens_window (const NichiroCliOptions *options)
{
  g_return_val_if_fail (options != NULL, FALSE);

  return options->search == NULL && options->show == NULL && options->validate == NULL &&
         options->in_force == NULL && options->territory == NULL && options->replay_reviews == NULL &&
         !options->list && !options->json;
}

/**
 * nichiro_cli_run:
 * @options: what the command line asked for
 * @out_dataset: (out) (optional) (transfer full): the dataset to open in the
 *   window when %NICHIRO_CLI_CONTINUE is returned: the one given with
 *   --data, or %NULL for the bundled one
 *
 * Runs a command-line mode, printing to stdout and stderr.
 *
 * Returns: an exit status, or %NICHIRO_CLI_CONTINUE to open the window
 */
int
nichiro_cli_run (const NichiroCliOptions  *options,
                 NichiroDataset          **out_dataset)
{
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  guint n_modes;
  int status;

  g_return_val_if_fail (options != NULL, NICHIRO_EXIT_BAD_INPUT);

  n_modes = (options->search != NULL) + (options->show != NULL) +
            (options->validate != NULL) + (options->list != FALSE) +
            (options->in_force != NULL) + (options->territory != NULL);
  if (options->replay_reviews != NULL)
    {
      if (n_modes > 0 || options->json || options->data != NULL)
        {
          g_printerr (_("--replay-reviews takes no other option.\n"));
          return NICHIRO_EXIT_BAD_INPUT;
        }
      return run_replay_reviews (options->replay_reviews);
    }
  if (n_modes > 1)
    {
      g_printerr (_("Use one of --search, --show, --list, --in-force, --territory and --validate at a time.\n"));
      return NICHIRO_EXIT_BAD_INPUT;
    }
  if (options->json && n_modes == 0)
    {
      g_printerr (_("--json goes with --search, --show, --list, --in-force or --territory.\n"));
      return NICHIRO_EXIT_BAD_INPUT;
    }
  if (options->json && options->validate != NULL)
    {
      g_printerr (_("--json goes with --search, --show or --list, not --validate.\n"));
      return NICHIRO_EXIT_BAD_INPUT;
    }

  if (options->validate != NULL)
    return run_validate (options->validate);

  if (options->search != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (options->search));

      if (stripped[0] == '\0')
        {
          g_printerr (_("--search needs something to look for.\n"));
          return NICHIRO_EXIT_BAD_INPUT;
        }
    }

  /* The window reads the bundled dataset itself, beside GTK's start-up. */
  if (n_modes == 0 && options->data == NULL)
    return NICHIRO_CLI_CONTINUE;

  if (options->data != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->data);

      dataset = nichiro_dataset_new_from_file (file, &error);
    }
  else
    {
      dataset = nichiro_dataset_new_default (&error);
    }

  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NICHIRO_EXIT_BAD_INPUT;
    }

  if (options->search != NULL)
    status = run_search (dataset, options->search, options->json);
  else if (options->show != NULL)
    status = run_show (dataset, options->show, options->json);
  else if (options->list)
    status = run_list (dataset, options->json);
  else if (options->in_force != NULL)
    status = run_in_force (dataset, options->in_force, options->json);
  else if (options->territory != NULL)
    status = run_territory (dataset, options->territory, options->json);
  else
    status = NICHIRO_CLI_CONTINUE;

  if (status == NICHIRO_CLI_CONTINUE && out_dataset != NULL)
    *out_dataset = g_steal_pointer (&dataset);

  return status;
}
