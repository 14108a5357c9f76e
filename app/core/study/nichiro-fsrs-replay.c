/* nichiro-fsrs-replay.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-fsrs-replay"

#include "config.h"

#include "nichiro-fsrs-replay.h"
#include "nichiro-error.h"
#include "nichiro-file.h"
#include "nichiro-json-check.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

/* Review logs in the format of FSRS reference logs, one JSON object a line:
 *
 *   {"header": true, "algorithm": "FSRS-6", "parameters": [21 numbers],
 *    "desired_retention": 0.9, "learning_steps_s": [60, 600],
 *    "relearning_steps_s": [600], "maximum_interval_days": 36500, "fuzz": false}
 *   {"card": 1, "review": "2027-01-04T14:31:00Z", "rating": 4}
 *
 * Members the header leaves out take the scheduler's defaults; other
 * members of a review line (a reference log's results) are ignored, so a
 * reference log replays as it is. The whole file is checked before any
 * review is replayed, and every bad line is reported. */

/* Anything larger is not a review log a person wants checked line by line. */
#define REPLAY_MAX_SIZE (256 * 1024 * 1024)
#define MAX_PROBLEMS 50

struct _NichiroFsrsReplay
{
  NichiroFsrsSettings settings;
  GArray *reviews;
};

/* Where a card was last reviewed, to keep each card's reviews in order. */
typedef struct
{
  gint64 time;
  guint line;
} LastReview;

typedef struct
{
  const char *display_name;
  guint line;
  GString *problems;
  guint n_problems;
} Reader;

/* Helpers */

static void
review_clear (gpointer data)
{
  NichiroFsrsReplayReview *review = data;

  g_free (review->card);
}

static void
add_problem (Reader     *reader,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (Reader     *reader,
             const char *format,
             ...)
{
  va_list args;

  reader->n_problems++;
  if (reader->n_problems > MAX_PROBLEMS)
    return;

  if (reader->problems->len > 0)
    g_string_append_c (reader->problems, '\n');
  g_string_append_printf (reader->problems, "%s:%u: ", reader->display_name, reader->line);
  va_start (args, format);
  g_string_append_vprintf (reader->problems, format, args);
  va_end (args);
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_boolean_true (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static double
node_get_number (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);

  return json_node_get_double (node);
}

/* Parses one line as a JSON object, strictly; NULL after a problem. */
static JsonObject *
parse_object (Reader     *reader,
              const char *text,
              gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (!nichiro_json_prescan (text, length, "-", &error))
    {
      /* The prescan names the place within the line as "-:1:COLUMN: ". */
      const char *message = error->message;
      const char *column = g_str_has_prefix (message, "-:1:") ? message + 4 : message;

      add_problem (reader, "%s", column);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, text, length, &error))
    {
      add_problem (reader, "not JSON: %s", error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      add_problem (reader, "expected a JSON object on each line");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

static gboolean
read_steps (Reader     *reader,
            JsonObject *header,
            const char *member,
            double     *steps,
            guint      *n_steps)
{
  JsonNode *node = json_object_get_member (header, member);
  JsonArray *array;
  guint n;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (reader, "\"%s\" must be an array of seconds", member);
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > NICHIRO_FSRS_MAX_STEPS)
    {
      add_problem (reader, "\"%s\" has %u steps; at most %d are allowed", member, n, NICHIRO_FSRS_MAX_STEPS);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!node_is_number (element))
        {
          add_problem (reader, "\"%s\" must be an array of seconds", member);
          return FALSE;
        }
      steps[i] = node_get_number (element);
    }
  *n_steps = n;

  return TRUE;
}

static void
read_header (Reader              *reader,
             JsonObject          *header,
             NichiroFsrsSettings *settings)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (!json_object_has_member (header, "header") || !node_is_boolean_true (json_object_get_member (header, "header")))
    {
      add_problem (reader, "the first line must be the header with the settings, "
                   "{\"header\": true, \"algorithm\": \"FSRS-6\", …}");
      return;
    }

  node = json_object_get_member (header, "algorithm");
  if (node != NULL && (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
                       !g_str_equal (json_node_get_string (node), "FSRS-6")))
    {
      add_problem (reader, "\"algorithm\" must be \"FSRS-6\", the only scheduler Nichiro has");
      return;
    }

  node = json_object_get_member (header, "parameters");
  if (node != NULL)
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      if (array == NULL || json_array_get_length (array) != NICHIRO_FSRS_N_PARAMETERS)
        {
          add_problem (reader, "\"parameters\" must be an array of the %d FSRS-6 weights",
                       NICHIRO_FSRS_N_PARAMETERS);
          return;
        }

      for (guint i = 0; i < NICHIRO_FSRS_N_PARAMETERS; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!node_is_number (element))
            {
              add_problem (reader, "\"parameters\" must be an array of the %d FSRS-6 weights",
                           NICHIRO_FSRS_N_PARAMETERS);
              return;
            }
          settings->parameters[i] = node_get_number (element);
        }
    }

  node = json_object_get_member (header, "desired_retention");
  if (node != NULL)
    {
      if (!node_is_number (node))
        {
          add_problem (reader, "\"desired_retention\" must be a number");
          return;
        }
      settings->desired_retention = node_get_number (node);
    }

  if (!read_steps (reader, header, "learning_steps_s", settings->learning_steps, &settings->n_learning_steps) ||
      !read_steps (reader, header, "relearning_steps_s", settings->relearning_steps, &settings->n_relearning_steps))
    return;

  node = json_object_get_member (header, "maximum_interval_days");
  if (node != NULL)
    {
      if (!node_is_integer (node) || json_node_get_int (node) < 1 ||
          json_node_get_int (node) > NICHIRO_FSRS_MAXIMUM_INTERVAL_DEFAULT)
        {
          add_problem (reader, "\"maximum_interval_days\" must be a whole number of days from 1 to %d",
                       NICHIRO_FSRS_MAXIMUM_INTERVAL_DEFAULT);
          return;
        }
      settings->maximum_interval = (guint) json_node_get_int (node);
    }

  node = json_object_get_member (header, "fuzz");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          add_problem (reader, "\"fuzz\" must be true or false");
          return;
        }
      if (json_node_get_boolean (node))
        {
          add_problem (reader, "\"fuzz\" must be false: a fuzzed schedule depends on a random draw, "
                       "so no other implementation could check it");
          return;
        }
    }

  if (!nichiro_fsrs_settings_check (settings, &error))
    add_problem (reader, "%s", error->message);
}

static void
read_review (Reader                  *reader,
             JsonObject              *object,
             GHashTable              *last_reviews,
             NichiroFsrsReplayReview *out_review)
{
  JsonNode *card = json_object_get_member (object, "card");
  JsonNode *time = json_object_get_member (object, "review");
  JsonNode *rating = json_object_get_member (object, "rating");
  g_autofree char *key = NULL;
  LastReview *previous;
  gint64 when;

  if (json_object_has_member (object, "header"))
    {
      add_problem (reader, "a second header; a file holds one, on its first line");
      return;
    }

  if (card == NULL || !JSON_NODE_HOLDS_VALUE (card) ||
      (json_node_get_value_type (card) != G_TYPE_INT64 && json_node_get_value_type (card) != G_TYPE_STRING))
    {
      add_problem (reader, "\"card\" must be the card's number or name");
      return;
    }

  if (time == NULL || !JSON_NODE_HOLDS_VALUE (time) || json_node_get_value_type (time) != G_TYPE_STRING)
    {
      add_problem (reader, "\"review\" must be the review's time, such as \"2027-01-04T14:31:00Z\"");
      return;
    }

  if (!nichiro_fsrs_parse_time (json_node_get_string (time), &when))
    {
      add_problem (reader, "\"%s\" is not a time in ISO 8601 with a time zone, such as \"2027-01-04T14:31:00Z\"",
                   json_node_get_string (time));
      return;
    }

  if (!node_is_integer (rating) || json_node_get_int (rating) < NICHIRO_RATING_AGAIN ||
      json_node_get_int (rating) > NICHIRO_RATING_EASY)
    {
      add_problem (reader, "\"rating\" must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)");
      return;
    }

  key = json_to_string (card, FALSE);
  previous = g_hash_table_lookup (last_reviews, key);
  if (previous != NULL && when < previous->time)
    {
      g_autofree char *before_time = nichiro_fsrs_format_time (previous->time);

      add_problem (reader, "card %s was already reviewed at %s (line %u); its reviews must come in time order",
                   key, before_time, previous->line);
      return;
    }

  if (previous == NULL)
    {
      previous = g_new (LastReview, 1);
      g_hash_table_insert (last_reviews, g_strdup (key), previous);
    }
  previous->time = when;
  previous->line = reader->line;

  out_review->card = g_steal_pointer (&key);
  out_review->time = when;
  out_review->rating = (NichiroRating) json_node_get_int (rating);
  out_review->line = reader->line;
}

static void
format_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize length;

  /* Six decimals, without the zeros that follow, as Python prints
   * round (x, 6): "8.2956", "1.0". */
  g_ascii_formatd (buffer, sizeof buffer, "%.6f", value);
  length = strlen (buffer);
  while (length > 2 && buffer[length - 1] == '0' && buffer[length - 2] != '.')
    length--;
  g_string_append_len (out, buffer, length);
}

/* Public API */

/**
 * nichiro_fsrs_parse_time:
 * @text: an ISO 8601 time with a time zone
 * @out_time: (out): the time in µs since the epoch, UTC
 *
 * Returns: whether @text was such a time
 */
gboolean
nichiro_fsrs_parse_time (const char *text,
                         gint64     *out_time)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_time != NULL, FALSE);

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return FALSE;

  *out_time = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

/**
 * nichiro_fsrs_format_time:
 * @time: µs since the epoch
 *
 * Returns: (transfer full): @time in UTC as ISO 8601, `2027-01-04T14:31:00Z`,
 *   with microseconds only when there are some
 */
char *
nichiro_fsrs_format_time (gint64 time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *seconds = NULL;
  gint64 whole = time / G_USEC_PER_SEC;
  gint64 micro = time % G_USEC_PER_SEC;

  if (micro < 0)
    {
      micro += G_USEC_PER_SEC;
      whole--;
    }

  utc = g_date_time_new_from_unix_utc (whole);
  if (utc == NULL)
    return g_strdup ("");

  seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  if (micro != 0)
    return g_strdup_printf ("%s.%06" G_GINT64_FORMAT "Z", seconds, micro);

  return g_strconcat (seconds, "Z", NULL);
}

/**
 * nichiro_fsrs_replay_new_from_data:
 * @text: the review log
 * @length: its length in bytes
 * @display_name: how to name it in messages
 * @error: return location for an error
 *
 * Reads a review log: a header line with the scheduler's settings, then a
 * line a review. Every bad line is reported in one error, each as
 * `FILE:LINE: message` on a line of its own.
 *
 * Returns: (transfer full) (nullable): the log, or %NULL with @error set
 */
NichiroFsrsReplay *
nichiro_fsrs_replay_new_from_data (const char  *text,
                                   gsize        length,
                                   const char  *display_name,
                                   GError     **error)
{
  g_autoptr(NichiroFsrsReplay) self = g_new0 (NichiroFsrsReplay, 1);
  g_autoptr(GHashTable) last_reviews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) problems = g_string_new (NULL);
  Reader reader = { display_name, 0, problems, 0 };
  gboolean have_header = FALSE;
  const char *end = text + length;
  const char *invalid;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self->reviews = g_array_new (FALSE, TRUE, sizeof (NichiroFsrsReplayReview));
  g_array_set_clear_func (self->reviews, review_clear);
  nichiro_fsrs_settings_init (&self->settings);

  if (!g_utf8_validate_len (text, length, &invalid))
    {
      guint line, column;

      nichiro_json_offset_to_position (text, invalid - text, &line, &column);
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_ENCODING,
                   "%s:%u: the text is not valid UTF-8; save the file as UTF-8", display_name, line);
      return NULL;
    }

  for (const char *start = text; start < end; )
    {
      const char *newline = memchr (start, '\n', end - start);
      const char *line_end = newline != NULL ? newline : end;
      g_autofree char *line = g_strndup (start, line_end - start);
      g_autoptr(JsonObject) object = NULL;

      reader.line++;
      start = newline != NULL ? newline + 1 : end;

      g_strstrip (line);
      if (line[0] == '\0')
        continue;

      object = parse_object (&reader, line, strlen (line));
      if (object == NULL)
        {
          /* A header that cannot be read still counts as the header. */
          have_header = TRUE;
          continue;
        }

      if (!have_header)
        {
          have_header = TRUE;
          read_header (&reader, object, &self->settings);
        }
      else
        {
          NichiroFsrsReplayReview review = { NULL, };

          read_review (&reader, object, last_reviews, &review);
          if (review.card != NULL)
            g_array_append_val (self->reviews, review);
        }
    }

  if (!have_header)
    {
      reader.line = 1;
      add_problem (&reader, "the file is empty; expected a header line, then a line a review");
    }

  if (reader.n_problems > MAX_PROBLEMS)
    g_string_append_printf (problems, "\n%s: %u more problems not shown", display_name,
                            reader.n_problems - MAX_PROBLEMS);

  if (reader.n_problems > 0)
    {
      g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID, problems->str);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * nichiro_fsrs_replay_new_from_file:
 * @file: a review log
 * @error: return location for an error
 *
 * Like nichiro_fsrs_replay_new_from_data(), naming the file by its path.
 *
 * Returns: (transfer full) (nullable): the log, or %NULL with @error set
 */
NichiroFsrsReplay *
nichiro_fsrs_replay_new_from_file (GFile   *file,
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
  if (!nichiro_file_load (file, REPLAY_MAX_SIZE, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_TOO_LARGE,
                     "%s: the file is larger than %d MiB; split it", display_name, REPLAY_MAX_SIZE / (1024 * 1024));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO,
                     "%s: is a folder; expected a review log", display_name);
      else
        g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO,
                     "%s: cannot read the review log: %s", display_name, local_error->message);
      return NULL;
    }

  return nichiro_fsrs_replay_new_from_data (contents, length, display_name, error);
}

void
nichiro_fsrs_replay_free (NichiroFsrsReplay *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->reviews, g_array_unref);
  g_free (self);
}

const NichiroFsrsSettings *
nichiro_fsrs_replay_get_settings (NichiroFsrsReplay *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->settings;
}

guint
nichiro_fsrs_replay_get_n_reviews (NichiroFsrsReplay *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->reviews->len;
}

const NichiroFsrsReplayReview *
nichiro_fsrs_replay_get_review (NichiroFsrsReplay *self,
                                guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->reviews->len, NULL);

  return &g_array_index (self->reviews, NichiroFsrsReplayReview, index);
}

/**
 * nichiro_fsrs_replay_run:
 * @self: a review log
 * @func: (scope call): called after each review
 * @user_data: data for @func
 *
 * Replays the log with its settings, each card new at its first review,
 * and calls @func with the card after each review, in the log's order.
 */
void
nichiro_fsrs_replay_run (NichiroFsrsReplay     *self,
                         NichiroFsrsReplayFunc  func,
                         gpointer               user_data)
{
  g_autoptr(NichiroFsrs) fsrs = NULL;
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  fsrs = nichiro_fsrs_new_with_settings (&self->settings, NULL);
  g_assert (fsrs != NULL);

  for (guint i = 0; i < self->reviews->len; i++)
    {
      const NichiroFsrsReplayReview *review = &g_array_index (self->reviews, NichiroFsrsReplayReview, i);
      NichiroFsrsCard *card = g_hash_table_lookup (cards, review->card);

      if (card == NULL)
        {
          card = g_new (NichiroFsrsCard, 1);
          nichiro_fsrs_card_init (card, review->time);
          g_hash_table_insert (cards, review->card, card);
        }

      nichiro_fsrs_review (fsrs, card, review->time, review->rating);
      func (review, card, user_data);
    }
}

/**
 * nichiro_fsrs_replay_format_line:
 * @review: a review
 * @card: the card after it
 *
 * Writes the review and the card after it as one line of JSON, in the
 * reference logs' format: `card`, `review`, `rating`, `state`, `step`,
 * `stability`, `difficulty` (both to six decimals) and `due`.
 *
 * Returns: (transfer full): the line, without a line break
 */
char *
nichiro_fsrs_replay_format_line (const NichiroFsrsReplayReview *review,
                                 const NichiroFsrsCard         *card)
{
  g_autofree char *time = NULL;
  g_autofree char *due = NULL;
  GString *out;

  g_return_val_if_fail (review != NULL, NULL);
  g_return_val_if_fail (card != NULL, NULL);

  time = nichiro_fsrs_format_time (review->time);
  due = nichiro_fsrs_format_time (card->due);

  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"card\": %s, \"review\": \"%s\", \"rating\": %d, \"state\": \"%s\", \"step\": ",
                          review->card, time, review->rating, nichiro_fsrs_state_to_string (card->state));
  if (card->step < 0)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%d", card->step);
  g_string_append (out, ", \"stability\": ");
  format_number (out, card->stability);
  g_string_append (out, ", \"difficulty\": ");
  format_number (out, card->difficulty);
  g_string_append_printf (out, ", \"due\": \"%s\"}", due);

  return g_string_free (out, FALSE);
}
