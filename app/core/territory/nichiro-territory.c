/* nichiro-territory.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-territory"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-territory.h"

/* Who held each area of the frontier on a day: the one answer the map, its
 * text for screen readers and `nichiro --territory` all give. */

/* Helpers */

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

/* A year ("1905"), or a day ("15 October 1905"). */
static char *
format_when (const NichiroDate *date,
             gboolean           days)
{
  /* Translators: a year, as in "since 1905" */
  return days ? nichiro_date_format (date) : g_strdup_printf (C_("year", "%d"), date->year);
}

/* Public API */

/**
 * nichiro_territory_on:
 * @frontier: (nullable): a dataset's frontier
 * @julian_day: the day, as a Julian Day Number
 *
 * Returns: (transfer full) (element-type NichiroHolding): who held each
 *   area on that day, one holding an area in the dataset's order; empty
 *   when there is no frontier
 */
GArray *
nichiro_territory_on (NichiroFrontier *frontier,
                      gint64           julian_day)
{
  guint n_areas = frontier != NULL ? nichiro_frontier_get_n_areas (frontier) : 0;
  GArray *holdings = g_array_sized_new (FALSE, TRUE, sizeof (NichiroHolding), n_areas);

  for (guint i = 0; i < n_areas; i++)
    {
      NichiroHolding holding = { nichiro_frontier_get_area (frontier, i), NULL, NULL };

      holding.change = nichiro_area_get_change_on (holding.area, julian_day);
      if (holding.change != NULL)
        holding.since = nichiro_area_get_holder_since (holding.area, holding.change);
      g_array_append_val (holdings, holding);
    }

  return holdings;
}

/**
 * nichiro_territory_holder_name:
 * @dataset: the dataset
 * @holder: (nullable): a change's holder
 * @language: the language of the name
 *
 * Returns: the holder's name: the short one the frontier gives it, else
 *   the state's; "shared" in words, or "no agreed holder" for %NULL
 */
const char *
nichiro_territory_holder_name (NichiroDataset  *dataset,
                               const char      *holder,
                               NichiroLanguage  language)
{
  NichiroFrontier *frontier = nichiro_dataset_get_frontier (dataset);
  const NichiroFrontierHolder *short_name;
  const NichiroState *state;

  if (holder == NULL)
    return _("no agreed holder");
  if (g_str_equal (holder, NICHIRO_HOLDER_SHARED))
    return _("shared");

  short_name = frontier != NULL ? nichiro_frontier_lookup_holder (frontier, holder) : NULL;
  if (short_name != NULL)
    return nichiro_names_get (&short_name->short_name, language);

  state = nichiro_dataset_lookup_state (dataset, holder);
  return state != NULL ? nichiro_names_get (&state->name, language) : holder;
}

/**
 * nichiro_territory_dup_citation:
 * @dataset: the dataset
 * @entry_id: the entry a change rests on
 * @article: (nullable): its article
 * @language: the language of the entry's title
 *
 * Returns: (transfer full): "Treaty of Portsmouth, Art. IX", or the title
 *   alone when no article is named
 */
char *
nichiro_territory_dup_citation (NichiroDataset  *dataset,
                                const char      *entry_id,
                                const char      *article,
                                NichiroLanguage  language)
{
  NichiroEntry *entry = nichiro_dataset_lookup_entry (dataset, entry_id);
  const char *title = entry != NULL ? nichiro_entry_get_display_title (entry, language) : entry_id;

  if (article == NULL)
    return g_strdup (title);

  /* Translators: an instrument and the article a change rests on, e.g.
   * "Treaty of Portsmouth, Art. IX" */
  return g_strdup_printf (_("%s, Art. %s"), title, article);
}

/**
 * nichiro_holding_dup_text:
 * @dataset: the dataset
 * @holding: a holding
 * @language: the language of the names in it (the interface's)
 * @title_language: the language of the instruments' titles in it
 * @days: %TRUE to give the days changes took effect, %FALSE for the years
 *
 * Returns: (transfer full): the holding in a sentence a screen reader can
 *   read: "Southern Sakhalin — Japan, by treaty, since 1905 (Treaty of
 *   Portsmouth, Art. IX)"
 */
char *
nichiro_holding_dup_text (NichiroDataset       *dataset,
                          const NichiroHolding *holding,
                          NichiroLanguage       language,
                          NichiroLanguage       title_language,
                          gboolean              days)
{
  const char *area = nichiro_area_get_name (holding->area, language);
  const NichiroAreaChange *change = holding->change;
  g_autofree char *citation = NULL;
  g_autofree char *since_citation = NULL;
  g_autofree char *since_when = NULL;
  g_autofree char *change_when = NULL;
  const char *holder;

  if (change == NULL)
    /* Translators: an area no treaty had assigned yet: "Urup — no agreed holder" */
    return g_strdup_printf (_("%s — no agreed holder"), area);

  holder = nichiro_territory_holder_name (dataset, change->holder, language);
  citation = nichiro_territory_dup_citation (dataset, change->entry, change->article, title_language);

  since_when = format_when (&holding->since->date, days);
  change_when = format_when (&change->date, days);

  if (holding->since == change || g_str_equal (since_when, change_when))
    /* Translators: area — holder, status, since year or day (instrument,
     * article): "Southern Sakhalin — Japan, by treaty, since 1905 (Treaty
     * of Portsmouth, Art. IX)" */
    return g_strdup_printf (_("%s — %s, %s, since %s (%s)"), area, holder,
                            nichiro_area_status_get_label (change->status), change_when, citation);

  since_citation = nichiro_territory_dup_citation (dataset, holding->since->entry, holding->since->article,
                                                  title_language);

  if (holding->since->status == change->status)
    /* Translators: area — holder, status, since year (first instrument;
     * the instrument it rests on now, from year): "Etorofu — Japan, by
     * treaty, since 1855 (Treaty of Shimoda, Art. 2; Treaty of Saint
     * Petersburg, Art. 2, from 1875)" */
    return g_strdup_printf (_("%s — %s, %s, since %s (%s; %s, from %s)"), area, holder,
                            nichiro_area_status_get_label (change->status), since_when,
                            since_citation, citation, change_when);

  /* Translators: area — holder since year (what began it); status since
   * year (instrument, article): "Etorofu — USSR since 1945 (Invasion of
   * the Kuril Islands); annexed since 1946 (Soviet decree …)" */
  return g_strdup_printf (_("%s — %s since %s (%s); %s since %s (%s)"), area, holder,
                          since_when, since_citation,
                          nichiro_area_status_get_label (change->status), change_when, citation);
}

/**
 * nichiro_territory_dup_description:
 * @dataset: the dataset
 * @julian_day: the day
 * @language: the language of the names (the interface's)
 * @title_language: the language of the instruments' titles
 *
 * Returns: (transfer full): the holdings on that day in a paragraph, the
 *   map's text twin: "On 1 January 1910: Southern Sakhalin — Japan, …; …"
 */
char *
nichiro_territory_dup_description (NichiroDataset  *dataset,
                                   gint64           julian_day,
                                   NichiroLanguage  language,
                                   NichiroLanguage  title_language)
{
  NichiroDate day = nichiro_date_from_julian_day (julian_day);
  g_autoptr(GArray) holdings = nichiro_territory_on (nichiro_dataset_get_frontier (dataset), julian_day);
  g_autofree char *day_text = nichiro_date_format (&day);
  GString *text = g_string_new (NULL);

  /* Translators: opens the map's description: "On 1 January 1910: …" */
  g_string_append_printf (text, _("On %s: "), day_text);
  for (guint i = 0; i < holdings->len; i++)
    {
      g_autofree char *line = nichiro_holding_dup_text (dataset, &g_array_index (holdings, NichiroHolding, i),
                                                        language, title_language, FALSE);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, line);
    }
  if (holdings->len == 0)
    g_string_append (text, _("the dataset has no frontier."));
  else
    g_string_append (text, ".");

  return g_string_free (text, FALSE);
}

/**
 * nichiro_territory_to_json:
 * @dataset: the dataset
 * @julian_day: the day
 *
 * The holdings on a day as `nichiro --territory DATE --json` prints them;
 * HACKING.md describes the members.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
nichiro_territory_to_json (NichiroDataset *dataset,
                           gint64          julian_day)
{
  NichiroFrontier *frontier = nichiro_dataset_get_frontier (dataset);
  NichiroDate day = nichiro_date_from_julian_day (julian_day);
  g_autoptr(GArray) holdings = nichiro_territory_on (frontier, julian_day);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const NichiroFrontierLine *lines = NULL;
  guint n_lines = 0;

  if (frontier != NULL)
    lines = nichiro_frontier_get_lines (frontier, &n_lines);

  json_builder_begin_object (builder);
  nichiro_json_add_date (builder, "date", &day);

  json_builder_set_member_name (builder, "areas");
  json_builder_begin_array (builder);
  for (guint i = 0; i < holdings->len; i++)
    {
      const NichiroHolding *holding = &g_array_index (holdings, NichiroHolding, i);
      const NichiroAreaChange *change = holding->change;

      json_builder_begin_object (builder);
      nichiro_json_add_string (builder, "id", holding->area->id);
      add_names (builder, "name", &holding->area->name);
      nichiro_json_add_string (builder, "holder", change != NULL ? change->holder : NULL);
      nichiro_json_add_string (builder, "status", change != NULL ? nichiro_area_status_to_string (change->status) : NULL);
      nichiro_json_add_string (builder, "status_text", change != NULL ? change->status_text : NULL);
      nichiro_json_add_date (builder, "since", holding->since != NULL ? &holding->since->date : NULL);
      nichiro_json_add_date (builder, "status_since", change != NULL ? &change->date : NULL);
      nichiro_json_add_string (builder, "entry", change != NULL ? change->entry : NULL);
      nichiro_json_add_string (builder, "article", change != NULL ? change->article : NULL);
      nichiro_json_add_string (builder, "note", change != NULL ? change->note : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_lines; i++)
    {
      if (!nichiro_frontier_line_holds_on (&lines[i], julian_day))
        continue;

      json_builder_begin_object (builder);
      nichiro_json_add_string (builder, "id", lines[i].id);
      add_names (builder, "name", &lines[i].name);
      nichiro_json_add_date (builder, "from", &lines[i].from);
      nichiro_json_add_date (builder, "until", &lines[i].until);
      nichiro_json_add_string (builder, "entry", lines[i].entry);
      nichiro_json_add_string (builder, "article", lines[i].article);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * nichiro_area_cut_land:
 * @area: an area
 * @coastline: the coastline
 *
 * Returns: (transfer full) (element-type GArray): the area's land, each
 *   ring a #GArray of #NichiroGeoPoint: the coastline's land inside the
 *   area's boxes
 */
GPtrArray *
nichiro_area_cut_land (const NichiroArea *area,
                       NichiroCoastline  *coastline)
{
  GPtrArray *land = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  g_return_val_if_fail (area != NULL, land);
  g_return_val_if_fail (coastline != NULL, land);

  for (guint b = 0; b < area->n_bounds; b++)
    {
      for (guint i = 0; i < nichiro_coastline_get_n_rings (coastline); i++)
        {
          const NichiroGeoPoint *ring;
          g_autoptr(GArray) cut = NULL;
          guint n;

          if (!nichiro_geo_box_intersects (nichiro_coastline_get_ring_bounds (coastline, i), &area->bounds[b]))
            continue;

          ring = nichiro_coastline_get_ring (coastline, i, &n);
          cut = nichiro_geo_ring_clip (ring, n, &area->bounds[b]);
          if (cut->len > 0)
            g_ptr_array_add (land, g_steal_pointer (&cut));
        }
    }

  return land;
}
