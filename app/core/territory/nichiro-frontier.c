/* nichiro-frontier.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-frontier"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-frontier.h"

/* A dataset's frontier: the areas whose holder changed as a whole, each
 * with its changes of holder, and the lines treaties drew. It is read from
 * the dataset's "frontier" member once the entries are in (the changes
 * cite them), checked as the rest of the dataset is, and kept by the
 * dataset. The land of an area is the coastline's inside the area's boxes
 * (nichiro-territory.c cuts it); who held it on a day is the last change on
 * or before that day. */

struct _NichiroFrontier
{
  GArray *holders;             /* NichiroFrontierHolder */
  GArray *areas;               /* NichiroArea */
  GArray *lines;               /* NichiroFrontierLine */
};

static const struct
{
  const char *name;
  const char *label;
} area_statuses[NICHIRO_N_AREA_STATUSES] = {
  [NICHIRO_AREA_SHARED] = { "shared", N_("shared, undivided") },
  [NICHIRO_AREA_SOVEREIGN] = { "sovereign", N_("by treaty") },
  [NICHIRO_AREA_OCCUPIED] = { "occupied", N_("occupied") },
  [NICHIRO_AREA_ANNEXED] = { "annexed", N_("annexed") },
  [NICHIRO_AREA_RENOUNCED] = { "renounced", N_("annexed; renounced by the former holder") },
  [NICHIRO_AREA_PROMISED] = { "promised", N_("held; promised to be handed over") },
};

/* Helpers: reading JSON (the schema has checked the types already; these
 * only make sure nothing is taken for what it is not) */

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
get_element_object (JsonArray *array,
                    guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
get_element_number (JsonArray *array,
                    guint      index,
                    double    *out_value)
{
  JsonNode *node = json_array_get_element (array, index);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    *out_value = json_node_get_int (node);
  else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    *out_value = json_node_get_double (node);
  else
    return FALSE;

  return TRUE;
}

static void
read_names (JsonObject   *object,
            const char   *member,
            NichiroNames *names)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonObject *names_object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  names->en = g_strdup (get_string (names_object, "en"));
  names->ja = g_strdup (get_string (names_object, "ja"));
  names->ru = g_strdup (get_string (names_object, "ru"));
}

/* A [longitude, latitude] pair. */
static gboolean
read_point (JsonArray       *pair,
            NichiroGeoPoint *out_point)
{
  if (pair == NULL || json_array_get_length (pair) != 2
      || !get_element_number (pair, 0, &out_point->lon)
      || !get_element_number (pair, 1, &out_point->lat))
    return FALSE;

  return out_point->lon >= -180 && out_point->lon <= 180 && out_point->lat >= -90 && out_point->lat <= 90;
}

static JsonArray *
get_element_array (JsonArray *array,
                   guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A day: changes and lines take effect on a day, so a date of lower
 * precision would leave the holder on its other days unknown. */
static NichiroDate
read_day (JsonObject         *object,
          const char         *member,
          NichiroJsonChecker *checker)
{
  const char *text = get_string (object, member);
  NichiroDate date = NICHIRO_DATE_NONE;

  if (text == NULL)
    return date;

  if (!nichiro_date_parse (text, &date) || date.precision != NICHIRO_DATE_PRECISION_DAY)
    {
      nichiro_json_checker_push_member (checker, member);
      nichiro_json_checker_add (checker, "“%s” is not a day: write it as YYYY-MM-DD", text);
      nichiro_json_checker_pop (checker);
      return NICHIRO_DATE_NONE;
    }

  return date;
}

/* The entry a change or line rests on, and the article if one is named. */
static void
check_rests_on (NichiroJsonChecker *checker,
                NichiroDataset     *dataset,
                const char         *entry_id,
                const char         *article,
                const NichiroDate  *date)
{
  NichiroEntry *entry = entry_id != NULL ? nichiro_dataset_lookup_entry (dataset, entry_id) : NULL;
  const NichiroArticle *articles;
  guint n_articles;
  gboolean found = FALSE;

  if (entry_id == NULL)
    return;

  nichiro_json_checker_push_member (checker, "entry");
  if (entry == NULL)
    nichiro_json_checker_add (checker, "“%s” is not the id of any item in $.entries", entry_id);
  nichiro_json_checker_pop (checker);
  if (entry == NULL)
    return;

  if (nichiro_date_is_set (date) && nichiro_date_is_set (nichiro_entry_get_date (entry))
      && nichiro_entry_get_date (entry)->precision == NICHIRO_DATE_PRECISION_DAY
      && nichiro_date_compare (date, nichiro_entry_get_date (entry)) < 0)
    {
      g_autofree char *day = nichiro_date_to_iso (date);
      g_autofree char *entry_day = nichiro_date_to_iso (nichiro_entry_get_date (entry));

      nichiro_json_checker_push_member (checker, "entry");
      nichiro_json_checker_add (checker, "%s comes before “%s”, dated %s, that it rests on",
                                day, entry_id, entry_day);
      nichiro_json_checker_pop (checker);
    }

  if (article == NULL)
    return;

  articles = nichiro_entry_get_articles (entry, &n_articles);
  for (guint i = 0; i < n_articles && !found; i++)
    found = g_strcmp0 (articles[i].number, article) == 0;

  if (!found)
    {
      nichiro_json_checker_push_member (checker, "article");
      nichiro_json_checker_add (checker, "“%s” has no article “%s” among its key articles; "
                                "add it there or name one it has", entry_id, article);
      nichiro_json_checker_pop (checker);
    }
}

static void
change_clear (NichiroAreaChange *change)
{
  g_free (change->holder);
  g_free (change->status_text);
  g_free (change->entry);
  g_free (change->article);
  g_free (change->note);
  for (guint i = 0; i < change->n_sources; i++)
    {
      g_free (change->sources[i].title);
      g_free (change->sources[i].url);
    }
  g_free (change->sources);
}

static void
area_clear (gpointer data)
{
  NichiroArea *area = data;

  g_free (area->id);
  g_free (area->name.en);
  g_free (area->name.ja);
  g_free (area->name.ru);
  g_free (area->short_name.en);
  g_free (area->short_name.ja);
  g_free (area->short_name.ru);
  g_free (area->bounds);
  for (guint i = 0; i < area->n_changes; i++)
    change_clear (&area->changes[i]);
  g_free (area->changes);
}

static void
holder_clear (gpointer data)
{
  NichiroFrontierHolder *holder = data;

  g_free (holder->state);
  g_free (holder->short_name.en);
  g_free (holder->short_name.ja);
  g_free (holder->short_name.ru);
}

static void
line_clear (gpointer data)
{
  NichiroFrontierLine *line = data;

  g_free (line->id);
  g_free (line->name.en);
  g_free (line->name.ja);
  g_free (line->name.ru);
  g_free (line->points);
  g_free (line->entry);
  g_free (line->article);
}

static void
read_sources (JsonObject        *object,
              NichiroAreaChange *change)
{
  JsonArray *array = get_array (object, "sources");
  guint n = array != NULL ? json_array_get_length (array) : 0;

  change->sources = g_new0 (NichiroSource, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      JsonObject *source = get_element_object (array, i);

      if (source == NULL)
        continue;
      change->sources[change->n_sources].title = g_strdup (get_string (source, "title"));
      change->sources[change->n_sources].url = g_strdup (get_string (source, "url"));
      change->n_sources++;
    }
}

static void
read_change (JsonObject         *object,
             NichiroDataset     *dataset,
             NichiroJsonChecker *checker,
             NichiroAreaChange  *change)
{
  const char *status = get_string (object, "status");

  change->date = read_day (object, "date", checker);
  change->holder = g_strdup (get_string (object, "holder"));
  if (!nichiro_area_status_from_string (status, &change->status))
    change->status = NICHIRO_AREA_SOVEREIGN;
  change->status_text = g_strdup (get_string (object, "status_text"));
  change->entry = g_strdup (get_string (object, "entry"));
  change->article = g_strdup (get_string (object, "article"));
  change->note = g_strdup (get_string (object, "note"));
  read_sources (object, change);

  if (change->holder != NULL && !g_str_equal (change->holder, NICHIRO_HOLDER_SHARED)
      && nichiro_dataset_lookup_state (dataset, change->holder) == NULL)
    {
      nichiro_json_checker_push_member (checker, "holder");
      nichiro_json_checker_add (checker, "“%s” is not the id of any item in $.states, nor “shared”",
                                change->holder);
      nichiro_json_checker_pop (checker);
    }

  if (change->holder != NULL
      && g_str_equal (change->holder, NICHIRO_HOLDER_SHARED) != (change->status == NICHIRO_AREA_SHARED))
    {
      nichiro_json_checker_push_member (checker, "status");
      nichiro_json_checker_add (checker, "a “shared” holder goes with the status “shared”, and only it");
      nichiro_json_checker_pop (checker);
    }

  check_rests_on (checker, dataset, change->entry, change->article, &change->date);
}

static void
read_area (JsonObject         *object,
           NichiroDataset     *dataset,
           NichiroJsonChecker *checker,
           NichiroArea        *area)
{
  JsonArray *bounds = get_array (object, "bounds");
  JsonArray *changes = get_array (object, "changes");
  JsonNode *anchor = json_object_get_member (object, "anchor");
  guint n;

  area->id = g_strdup (get_string (object, "id"));
  read_names (object, "name", &area->name);
  read_names (object, "short_name", &area->short_name);

  n = bounds != NULL ? json_array_get_length (bounds) : 0;
  area->bounds = g_new0 (NichiroGeoBox, MAX (n, 1));
  nichiro_json_checker_push_member (checker, "bounds");
  for (guint i = 0; i < n; i++)
    {
      JsonArray *box = get_element_array (bounds, i);
      NichiroGeoBox *b = &area->bounds[area->n_bounds];

      if (box == NULL || json_array_get_length (box) != 4
          || !get_element_number (box, 0, &b->west) || !get_element_number (box, 1, &b->south)
          || !get_element_number (box, 2, &b->east) || !get_element_number (box, 3, &b->north))
        continue;

      nichiro_json_checker_push_index (checker, i);
      if (nichiro_geo_box_is_valid (b))
        area->n_bounds++;
      else
        nichiro_json_checker_add (checker, "a box is [west, south, east, north] in degrees, "
                                  "west less than east and south less than north");
      nichiro_json_checker_pop (checker);
    }
  nichiro_json_checker_pop (checker);

  if (anchor == NULL || !JSON_NODE_HOLDS_ARRAY (anchor) || !read_point (json_node_get_array (anchor), &area->anchor))
    {
      nichiro_json_checker_push_member (checker, "anchor");
      nichiro_json_checker_add (checker, "expected [longitude, latitude] in degrees");
      nichiro_json_checker_pop (checker);
    }

  n = changes != NULL ? json_array_get_length (changes) : 0;
  area->changes = g_new0 (NichiroAreaChange, MAX (n, 1));
  nichiro_json_checker_push_member (checker, "changes");
  for (guint i = 0; i < n; i++)
    {
      JsonObject *change_object = get_element_object (changes, i);
      NichiroAreaChange *change = &area->changes[area->n_changes];

      if (change_object == NULL)
        continue;

      nichiro_json_checker_push_index (checker, i);
      read_change (change_object, dataset, checker, change);
      if (area->n_changes > 0 && nichiro_date_is_set (&change->date)
          && nichiro_date_compare (&change->date, &area->changes[area->n_changes - 1].date) <= 0)
        {
          g_autofree char *day = nichiro_date_to_iso (&change->date);

          nichiro_json_checker_push_member (checker, "date");
          nichiro_json_checker_add (checker, "%s does not come after the change before it: "
                                    "list an area's changes in date order, one a day", day);
          nichiro_json_checker_pop (checker);
        }
      area->n_changes++;
      nichiro_json_checker_pop (checker);
    }
  nichiro_json_checker_pop (checker);
}

static void
read_line (JsonObject          *object,
           NichiroDataset      *dataset,
           NichiroJsonChecker  *checker,
           NichiroFrontierLine *line)
{
  JsonArray *points = get_array (object, "points");
  guint n = points != NULL ? json_array_get_length (points) : 0;

  line->id = g_strdup (get_string (object, "id"));
  read_names (object, "name", &line->name);
  line->from = read_day (object, "from", checker);
  line->until = read_day (object, "until", checker);
  line->entry = g_strdup (get_string (object, "entry"));
  line->article = g_strdup (get_string (object, "article"));

  line->points = g_new0 (NichiroGeoPoint, MAX (n, 1));
  nichiro_json_checker_push_member (checker, "points");
  for (guint i = 0; i < n; i++)
    {
      if (read_point (get_element_array (points, i), &line->points[line->n_points]))
        {
          line->n_points++;
          continue;
        }
      nichiro_json_checker_push_index (checker, i);
      nichiro_json_checker_add (checker, "expected [longitude, latitude] in degrees");
      nichiro_json_checker_pop (checker);
    }
  nichiro_json_checker_pop (checker);

  if (nichiro_date_is_set (&line->until) && nichiro_date_compare (&line->until, &line->from) <= 0)
    {
      nichiro_json_checker_push_member (checker, "until");
      nichiro_json_checker_add (checker, "a line must hold for a day at least: “until” comes after “from”");
      nichiro_json_checker_pop (checker);
    }

  check_rests_on (checker, dataset, line->entry, line->article, &line->from);
}

static void
read_holder (JsonObject            *object,
             NichiroDataset        *dataset,
             NichiroJsonChecker    *checker,
             NichiroFrontierHolder *holder)
{
  holder->state = g_strdup (get_string (object, "state"));
  read_names (object, "short_name", &holder->short_name);
  holder->side = g_strcmp0 (get_string (object, "side"), "b") == 0 ? NICHIRO_FRONTIER_SIDE_B : NICHIRO_FRONTIER_SIDE_A;

  if (nichiro_dataset_lookup_state (dataset, holder->state) == NULL)
    {
      nichiro_json_checker_push_member (checker, "state");
      nichiro_json_checker_add (checker, "“%s” is not the id of any item in $.states", holder->state);
      nichiro_json_checker_pop (checker);
    }
}

static gboolean
claim_id (NichiroJsonChecker *checker,
          GHashTable         *seen,
          const char         *id,
          const char         *table)
{
  if (id == NULL)
    return FALSE;

  if (!g_hash_table_add (seen, (gpointer) id))
    {
      nichiro_json_checker_push_member (checker, g_str_equal (table, "holders") ? "state" : "id");
      nichiro_json_checker_add (checker, "“%s” is listed twice in $.frontier.%s; each may be listed once", id, table);
      nichiro_json_checker_pop (checker);
      return FALSE;
    }

  return TRUE;
}

/* Public API */

/**
 * nichiro_frontier_read:
 * @object: (nullable): the dataset's "frontier" member, checked against the
 *   schema already
 * @dataset: the dataset, its states and entries read
 * @checker: where problems go, at the path of @object
 *
 * Reads the areas, their changes and the lines, and checks in code what
 * the schema cannot: unique ids, changes a day apart at least and in order,
 * holders that are states, entries and articles that exist.
 *
 * Returns: (transfer full) (nullable): the frontier, or %NULL if @object is
 */
NichiroFrontier *
nichiro_frontier_read (JsonObject         *object,
                       NichiroDataset     *dataset,
                       NichiroJsonChecker *checker)
{
  g_autoptr(NichiroFrontier) self = NULL;
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *holders, *areas, *lines;

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (checker != NULL, NULL);

  if (object == NULL)
    return NULL;

  self = g_new0 (NichiroFrontier, 1);
  self->holders = g_array_new (FALSE, TRUE, sizeof (NichiroFrontierHolder));
  g_array_set_clear_func (self->holders, holder_clear);
  self->areas = g_array_new (FALSE, TRUE, sizeof (NichiroArea));
  g_array_set_clear_func (self->areas, area_clear);
  self->lines = g_array_new (FALSE, TRUE, sizeof (NichiroFrontierLine));
  g_array_set_clear_func (self->lines, line_clear);

  holders = get_array (object, "holders");
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  nichiro_json_checker_push_member (checker, "holders");
  for (guint i = 0; holders != NULL && i < json_array_get_length (holders); i++)
    {
      JsonObject *holder_object = get_element_object (holders, i);

      if (holder_object == NULL)
        continue;

      nichiro_json_checker_push_index (checker, i);
      if (claim_id (checker, seen, get_string (holder_object, "state"), "holders"))
        {
          g_array_set_size (self->holders, self->holders->len + 1);
          read_holder (holder_object, dataset, checker,
                       &g_array_index (self->holders, NichiroFrontierHolder, self->holders->len - 1));
        }
      nichiro_json_checker_pop (checker);
    }
  nichiro_json_checker_pop (checker);

  areas = get_array (object, "areas");
  g_hash_table_remove_all (seen);
  nichiro_json_checker_push_member (checker, "areas");
  for (guint i = 0; areas != NULL && i < json_array_get_length (areas); i++)
    {
      JsonObject *area_object = get_element_object (areas, i);

      if (area_object == NULL)
        continue;

      nichiro_json_checker_push_index (checker, i);
      if (claim_id (checker, seen, get_string (area_object, "id"), "areas"))
        {
          g_array_set_size (self->areas, self->areas->len + 1);
          read_area (area_object, dataset, checker, &g_array_index (self->areas, NichiroArea, self->areas->len - 1));
        }
      nichiro_json_checker_pop (checker);
    }
  nichiro_json_checker_pop (checker);

  lines = get_array (object, "lines");
  g_hash_table_remove_all (seen);
  nichiro_json_checker_push_member (checker, "lines");
  for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
    {
      JsonObject *line_object = get_element_object (lines, i);

      if (line_object == NULL)
        continue;

      nichiro_json_checker_push_index (checker, i);
      if (claim_id (checker, seen, get_string (line_object, "id"), "lines"))
        {
          g_array_set_size (self->lines, self->lines->len + 1);
          read_line (line_object, dataset, checker,
                     &g_array_index (self->lines, NichiroFrontierLine, self->lines->len - 1));
        }
      nichiro_json_checker_pop (checker);
    }
  nichiro_json_checker_pop (checker);

  return g_steal_pointer (&self);
}

void
nichiro_frontier_free (NichiroFrontier *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->holders, g_array_unref);
  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_free (self);
}

guint
nichiro_frontier_get_n_areas (NichiroFrontier *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->areas->len;
}

/**
 * nichiro_frontier_get_area:
 * @self: a frontier
 * @index: which area, in the dataset's order
 *
 * Returns: (transfer none): the area
 */
const NichiroArea *
nichiro_frontier_get_area (NichiroFrontier *self,
                           guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->areas->len, NULL);

  return &g_array_index (self->areas, NichiroArea, index);
}

/**
 * nichiro_frontier_lookup_area:
 * @self: a frontier
 * @id: an area's id
 *
 * Returns: (transfer none) (nullable): the area with @id
 */
const NichiroArea *
nichiro_frontier_lookup_area (NichiroFrontier *self,
                              const char      *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->areas->len; i++)
    {
      const NichiroArea *area = &g_array_index (self->areas, NichiroArea, i);

      if (g_strcmp0 (area->id, id) == 0)
        return area;
    }

  return NULL;
}

/**
 * nichiro_frontier_get_lines:
 * @self: a frontier
 * @n_lines: (out): how many lines
 *
 * Returns: (array length=n_lines) (transfer none): the lines treaties drew
 */
const NichiroFrontierLine *
nichiro_frontier_get_lines (NichiroFrontier *self,
                            guint           *n_lines)
{
  g_return_val_if_fail (self != NULL, NULL);

  *n_lines = self->lines->len;
  return (const NichiroFrontierLine *) (gconstpointer) self->lines->data;
}

/**
 * nichiro_frontier_lookup_holder:
 * @self: a frontier
 * @state: (nullable): a states id
 *
 * Returns: (transfer none) (nullable): how the map names and colours
 *   @state, or %NULL if the frontier does not say
 */
const NichiroFrontierHolder *
nichiro_frontier_lookup_holder (NichiroFrontier *self,
                                const char      *state)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; state != NULL && i < self->holders->len; i++)
    {
      const NichiroFrontierHolder *holder = &g_array_index (self->holders, NichiroFrontierHolder, i);

      if (g_strcmp0 (holder->state, state) == 0)
        return holder;
    }

  return NULL;
}

/**
 * nichiro_frontier_line_holds_on:
 * @line: a line
 * @julian_day: a day, as a Julian Day Number
 *
 * Returns: %TRUE if @line was the frontier on that day
 */
gboolean
nichiro_frontier_line_holds_on (const NichiroFrontierLine *line,
                                gint64                     julian_day)
{
  g_return_val_if_fail (line != NULL, FALSE);

  if (!nichiro_date_is_set (&line->from) || julian_day < nichiro_date_to_julian_day (&line->from))
    return FALSE;

  return !nichiro_date_is_set (&line->until) || julian_day < nichiro_date_to_julian_day (&line->until);
}

/**
 * nichiro_area_get_name:
 * @area: an area
 * @language: the language wanted
 *
 * Returns: the area's name in @language, or in English if it has none
 */
const char *
nichiro_area_get_name (const NichiroArea *area,
                       NichiroLanguage    language)
{
  g_return_val_if_fail (area != NULL, NULL);

  return nichiro_names_get (&area->name, language);
}

/**
 * nichiro_area_get_short_name:
 * @area: an area
 * @language: the language wanted
 *
 * Returns: the area's short name in @language, falling back on its short
 *   name in English, then on its name
 */
const char *
nichiro_area_get_short_name (const NichiroArea *area,
                             NichiroLanguage    language)
{
  g_return_val_if_fail (area != NULL, NULL);

  if (area->short_name.en == NULL)
    return nichiro_area_get_name (area, language);

  return nichiro_names_get (&area->short_name, language);
}

/**
 * nichiro_area_get_change_on:
 * @area: an area
 * @julian_day: a day, as a Julian Day Number
 *
 * Returns: (nullable): the change in force on that day: the last one on or
 *   before it, or %NULL before the first
 */
const NichiroAreaChange *
nichiro_area_get_change_on (const NichiroArea *area,
                            gint64             julian_day)
{
  guint low = 0, high;

  g_return_val_if_fail (area != NULL, NULL);

  /* The first change after the day, by bisection; the one before it holds. */
  high = area->n_changes;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (nichiro_date_to_julian_day (&area->changes[middle].date) <= julian_day)
        low = middle + 1;
      else
        high = middle;
    }

  return low > 0 ? &area->changes[low - 1] : NULL;
}

/**
 * nichiro_area_get_holder_since:
 * @area: an area
 * @change: one of its changes
 *
 * The changes before @change may have kept the same holder on another
 * title (occupied, then annexed): the holder has held the area since the
 * first of them.
 *
 * Returns: the first change of the run of @change's holder that ends with
 *   @change
 */
const NichiroAreaChange *
nichiro_area_get_holder_since (const NichiroArea       *area,
                               const NichiroAreaChange *change)
{
  g_return_val_if_fail (area != NULL, NULL);
  g_return_val_if_fail (change >= area->changes && change < area->changes + area->n_changes, NULL);

  while (change > area->changes && g_strcmp0 ((change - 1)->holder, change->holder) == 0)
    change--;

  return change;
}

const char *
nichiro_area_status_to_string (NichiroAreaStatus status)
{
  g_return_val_if_fail (status < NICHIRO_N_AREA_STATUSES, NULL);

  return area_statuses[status].name;
}

/**
 * nichiro_area_status_get_label:
 * @status: a status
 *
 * Returns: the status in words, translated
 */
const char *
nichiro_area_status_get_label (NichiroAreaStatus status)
{
  g_return_val_if_fail (status < NICHIRO_N_AREA_STATUSES, NULL);

  return _(area_statuses[status].label);
}

gboolean
nichiro_area_status_from_string (const char        *text,
                                 NichiroAreaStatus *out_status)
{
  for (guint i = 0; text != NULL && i < NICHIRO_N_AREA_STATUSES; i++)
    {
      if (g_str_equal (text, area_statuses[i].name))
        {
          *out_status = i;
          return TRUE;
        }
    }

  return FALSE;
}
