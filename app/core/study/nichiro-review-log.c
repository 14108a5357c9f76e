/* nichiro-review-log.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-review-log"

#include "config.h"

#include "nichiro-review-log.h"
#include "nichiro-error.h"
#include "nichiro-fsrs-replay.h"

#include <math.h>
#include <string.h>

/* The review log: one entry a graded review, with what the card was
 * before it, from which the statistics are computed; and the JSON forms of
 * log entries and card states that the study file and its backup keep.
 *
 * A log entry is written as a line of a replay file is read ("card",
 * "review", "rating"), with what the card was before it ("state_before",
 * "new", "scheduled_days"), so that a log given a header replays with
 * nichiro --replay-reviews. A card state is written as the replay prints
 * it ("state", "step", "stability", "difficulty", "due") with its
 * "last_review". Numbers are written in full, so a state read back is the
 * state written. */

/* Helpers */

static gboolean
member_is (JsonObject *object,
           const char *member,
           GType       type)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean
read_number (JsonObject  *object,
             const char  *member,
             double      *out_value,
             GError     **error)
{
  if (member_is (object, member, G_TYPE_INT64))
    *out_value = (double) json_object_get_int_member (object, member);
  else if (member_is (object, member, G_TYPE_DOUBLE))
    *out_value = json_object_get_double_member (object, member);
  else
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID, "\"%s\" must be a number", member);
      return FALSE;
    }

  if (!isfinite (*out_value))
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID, "\"%s\" must be a finite number", member);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_time (JsonObject  *object,
           const char  *member,
           gboolean     nullable,
           gint64      *out_time,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (nullable && node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      *out_time = NICHIRO_FSRS_NEVER;
      return TRUE;
    }

  if (!member_is (object, member, G_TYPE_STRING) ||
      !nichiro_fsrs_parse_time (json_object_get_string_member (object, member), out_time))
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "\"%s\" must be a time in ISO 8601 with a time zone, such as \"2027-01-04T14:31:00Z\"%s",
                   member, nullable ? ", or null" : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_state (JsonObject        *object,
            const char        *member,
            NichiroFsrsState  *out_state,
            GError           **error)
{
  if (!member_is (object, member, G_TYPE_STRING) ||
      !nichiro_fsrs_state_from_string (json_object_get_string_member (object, member), out_state))
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "\"%s\" must be \"learning\", \"review\" or \"relearning\"", member);
      return FALSE;
    }

  return TRUE;
}

static JsonObject *
get_object (JsonNode  *node,
            GError   **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID, "expected a JSON object");
      return NULL;
    }

  return json_node_get_object (node);
}

/* Public API */

/**
 * nichiro_review_log_entry_init:
 * @entry: an entry to fill
 * @card_id: the card reviewed
 * @before: its state before the review
 * @time: when
 * @rating: the grade
 *
 * Fills @entry for a review of a card in the state @before.
 */
void
nichiro_review_log_entry_init (NichiroReviewLogEntry *entry,
                               const char            *card_id,
                               const NichiroFsrsCard *before,
                               gint64                 time,
                               NichiroRating          rating)
{
  g_return_if_fail (entry != NULL);
  g_return_if_fail (card_id != NULL);
  g_return_if_fail (before != NULL);

  entry->card_id = g_strdup (card_id);
  entry->time = time;
  entry->rating = rating;
  entry->state = before->state;
  entry->was_new = nichiro_fsrs_card_is_new (before);
  entry->scheduled_days = 0;
  if (before->state == NICHIRO_FSRS_STATE_REVIEW && !entry->was_new && before->due > before->last_review)
    entry->scheduled_days = (guint) MIN ((before->due - before->last_review) / NICHIRO_FSRS_USEC_PER_DAY, G_MAXUINT);
}

void
nichiro_review_log_entry_clear (NichiroReviewLogEntry *entry)
{
  g_return_if_fail (entry != NULL);

  g_clear_pointer (&entry->card_id, g_free);
}

/**
 * nichiro_review_log_entry_is_mature:
 * @entry: a log entry
 *
 * Returns: whether the review was of a mature card: in review, with an
 *   interval of at least %NICHIRO_REVIEW_MATURE_DAYS
 */
gboolean
nichiro_review_log_entry_is_mature (const NichiroReviewLogEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return entry->state == NICHIRO_FSRS_STATE_REVIEW && entry->scheduled_days >= NICHIRO_REVIEW_MATURE_DAYS;
}

/**
 * nichiro_review_log_entry_copy:
 * @entry: a log entry
 * @out_copy: (out caller-allocates): where to copy it
 */
void
nichiro_review_log_entry_copy (const NichiroReviewLogEntry *entry,
                               NichiroReviewLogEntry       *out_copy)
{
  g_return_if_fail (entry != NULL);
  g_return_if_fail (out_copy != NULL);

  *out_copy = *entry;
  out_copy->card_id = g_strdup (entry->card_id);
}

/**
 * nichiro_review_log_entry_compare:
 * @a: a log entry
 * @b: another
 *
 * Orders entries by review time, then card, then grade, then what the card
 * was before; 0 only for the same review recorded twice.
 *
 * Returns: negative, 0 or positive
 */
int
nichiro_review_log_entry_compare (const NichiroReviewLogEntry *a,
                                  const NichiroReviewLogEntry *b)
{
  int result;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->time != b->time)
    return a->time < b->time ? -1 : 1;

  result = g_strcmp0 (a->card_id, b->card_id);
  if (result != 0)
    return result;

  if (a->rating != b->rating)
    return a->rating < b->rating ? -1 : 1;
  if (a->state != b->state)
    return a->state < b->state ? -1 : 1;
  if (a->was_new != b->was_new)
    return a->was_new ? -1 : 1;
  if (a->scheduled_days != b->scheduled_days)
    return a->scheduled_days < b->scheduled_days ? -1 : 1;

  return 0;
}

static int
compare_entries_cb (gconstpointer a,
                    gconstpointer b)
{
  return nichiro_review_log_entry_compare (a, b);
}

/**
 * nichiro_review_log_merge:
 * @a: (array length=n_a): a review log
 * @n_a: its length
 * @b: (array length=n_b): another, such as one imported from a backup
 * @n_b: its length
 *
 * Merges two review logs by review time. Every review of either is kept;
 * a review both hold (the same card, time, grade and state before) is kept
 * once.
 *
 * Returns: (transfer full) (element-type NichiroReviewLogEntry): the merged
 *   log, in time order, entries copied; clearing it frees them
 */
GArray *
nichiro_review_log_merge (const NichiroReviewLogEntry *a,
                          guint                        n_a,
                          const NichiroReviewLogEntry *b,
                          guint                        n_b)
{
  g_autoptr(GArray) all = g_array_sized_new (FALSE, FALSE, sizeof (NichiroReviewLogEntry), n_a + n_b);
  GArray *merged = g_array_sized_new (FALSE, FALSE, sizeof (NichiroReviewLogEntry), n_a + n_b);

  g_return_val_if_fail (a != NULL || n_a == 0, merged);
  g_return_val_if_fail (b != NULL || n_b == 0, merged);

  g_array_set_clear_func (merged, (GDestroyNotify) nichiro_review_log_entry_clear);

  /* Shallow copies to sort; only those kept are copied in full. */
  g_array_append_vals (all, a, n_a);
  g_array_append_vals (all, b, n_b);
  g_array_sort (all, compare_entries_cb);

  for (guint i = 0; i < all->len; i++)
    {
      const NichiroReviewLogEntry *entry = &g_array_index (all, NichiroReviewLogEntry, i);
      NichiroReviewLogEntry copy;

      if (merged->len > 0 &&
          nichiro_review_log_entry_compare (&g_array_index (merged, NichiroReviewLogEntry, merged->len - 1), entry) == 0)
        continue;

      nichiro_review_log_entry_copy (entry, &copy);
      g_array_append_val (merged, copy);
    }

  return merged;
}

/**
 * nichiro_review_log_entry_to_json:
 * @entry: a log entry
 *
 * Returns: (transfer full): the entry as a JSON object: `card`, `review`,
 *   `rating`, `state_before`, `new`, `scheduled_days`
 */
JsonNode *
nichiro_review_log_entry_to_json (const NichiroReviewLogEntry *entry)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *time = NULL;
  JsonNode *node;

  g_return_val_if_fail (entry != NULL, NULL);

  time = nichiro_fsrs_format_time (entry->time);
  json_object_set_string_member (object, "card", entry->card_id);
  json_object_set_string_member (object, "review", time);
  json_object_set_int_member (object, "rating", entry->rating);
  json_object_set_string_member (object, "state_before", nichiro_fsrs_state_to_string (entry->state));
  json_object_set_boolean_member (object, "new", entry->was_new);
  json_object_set_int_member (object, "scheduled_days", entry->scheduled_days);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

/**
 * nichiro_review_log_entry_from_json:
 * @node: a JSON object as nichiro_review_log_entry_to_json() writes
 * @out_entry: (out caller-allocates): the entry; cleared with
 *   nichiro_review_log_entry_clear()
 * @error: return location for an error naming the member at fault
 *
 * Returns: whether @node was a log entry
 */
gboolean
nichiro_review_log_entry_from_json (JsonNode               *node,
                                    NichiroReviewLogEntry  *out_entry,
                                    GError                **error)
{
  JsonObject *object = get_object (node, error);
  NichiroReviewLogEntry entry = { NULL, };
  gint64 rating, days;

  g_return_val_if_fail (out_entry != NULL, FALSE);

  if (object == NULL)
    return FALSE;

  if (!member_is (object, "card", G_TYPE_STRING) || json_object_get_string_member (object, "card")[0] == '\0')
    {
      g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID, "\"card\" must be a card id");
      return FALSE;
    }

  if (!read_time (object, "review", FALSE, &entry.time, error))
    return FALSE;

  rating = member_is (object, "rating", G_TYPE_INT64) ? json_object_get_int_member (object, "rating") : 0;
  if (rating < NICHIRO_RATING_AGAIN || rating > NICHIRO_RATING_EASY)
    {
      g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                           "\"rating\" must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)");
      return FALSE;
    }

  if (!read_state (object, "state_before", &entry.state, error))
    return FALSE;

  if (!member_is (object, "new", G_TYPE_BOOLEAN))
    {
      g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID, "\"new\" must be true or false");
      return FALSE;
    }

  days = member_is (object, "scheduled_days", G_TYPE_INT64) ? json_object_get_int_member (object, "scheduled_days") : -1;
  if (days < 0 || days > G_MAXUINT)
    {
      g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                           "\"scheduled_days\" must be a whole number of days, 0 or more");
      return FALSE;
    }

  entry.card_id = g_strdup (json_object_get_string_member (object, "card"));
  entry.rating = (NichiroRating) rating;
  entry.was_new = json_object_get_boolean_member (object, "new");
  entry.scheduled_days = (guint) days;
  *out_entry = entry;

  return TRUE;
}

/**
 * nichiro_fsrs_card_to_json:
 * @card: a card state
 *
 * Returns: (transfer full): the state as a JSON object: `state`, `step`
 *   (null in review), `stability`, `difficulty`, `due` and `last_review`
 *   (null for a card never reviewed)
 */
JsonNode *
nichiro_fsrs_card_to_json (const NichiroFsrsCard *card)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *due = NULL;
  JsonNode *node;

  g_return_val_if_fail (card != NULL, NULL);

  due = nichiro_fsrs_format_time (card->due);
  json_object_set_string_member (object, "state", nichiro_fsrs_state_to_string (card->state));
  if (card->step < 0)
    json_object_set_null_member (object, "step");
  else
    json_object_set_int_member (object, "step", card->step);
  json_object_set_double_member (object, "stability", card->stability);
  json_object_set_double_member (object, "difficulty", card->difficulty);
  json_object_set_string_member (object, "due", due);
  if (card->last_review == NICHIRO_FSRS_NEVER)
    {
      json_object_set_null_member (object, "last_review");
    }
  else
    {
      g_autofree char *last = nichiro_fsrs_format_time (card->last_review);

      json_object_set_string_member (object, "last_review", last);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}

/**
 * nichiro_fsrs_card_from_json:
 * @node: a JSON object as nichiro_fsrs_card_to_json() writes
 * @out_card: (out caller-allocates): the state
 * @error: return location for an error naming the member at fault
 *
 * Reads a card state, and checks it is one the scheduler could have made:
 * a step in (re)learning and none in review, a stability of 0 only before
 * the first review, a difficulty from 1 to 10 after it.
 *
 * Returns: whether @node was a card state
 */
gboolean
nichiro_fsrs_card_from_json (JsonNode         *node,
                             NichiroFsrsCard  *out_card,
                             GError          **error)
{
  JsonObject *object = get_object (node, error);
  NichiroFsrsCard card = { 0, };
  JsonNode *step;

  g_return_val_if_fail (out_card != NULL, FALSE);

  if (object == NULL)
    return FALSE;

  if (!read_state (object, "state", &card.state, error))
    return FALSE;

  step = json_object_get_member (object, "step");
  if (card.state == NICHIRO_FSRS_STATE_REVIEW)
    {
      if (step == NULL || !JSON_NODE_HOLDS_NULL (step))
        {
          g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID, "\"step\" must be null in review");
          return FALSE;
        }
      card.step = -1;
    }
  else
    {
      if (!member_is (object, "step", G_TYPE_INT64) || json_object_get_int_member (object, "step") < 0 ||
          json_object_get_int_member (object, "step") > NICHIRO_FSRS_MAX_STEPS)
        {
          g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                       "\"step\" must be a step from 0 to %d in learning and relearning", NICHIRO_FSRS_MAX_STEPS);
          return FALSE;
        }
      card.step = (int) json_object_get_int_member (object, "step");
    }

  if (!read_number (object, "stability", &card.stability, error) ||
      !read_number (object, "difficulty", &card.difficulty, error) ||
      !read_time (object, "due", FALSE, &card.due, error) ||
      !read_time (object, "last_review", TRUE, &card.last_review, error))
    return FALSE;

  if (card.last_review == NICHIRO_FSRS_NEVER)
    {
      if (card.stability != 0 || card.difficulty != 0 || card.state != NICHIRO_FSRS_STATE_LEARNING)
        {
          g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                               "a card never reviewed is learning, with a stability and difficulty of 0");
          return FALSE;
        }
    }
  else
    {
      if (card.stability < 0.001)
        {
          g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                               "\"stability\" must be at least 0.001 after a review");
          return FALSE;
        }
      if (card.difficulty < 1 || card.difficulty > 10)
        {
          g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                               "\"difficulty\" must be from 1 to 10 after a review");
          return FALSE;
        }
    }

  *out_card = card;
  return TRUE;
}
