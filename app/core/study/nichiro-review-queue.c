/* nichiro-review-queue.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-review-queue"

#include "config.h"

#include "nichiro-review-queue.h"

#include <string.h>

/* What a review session shows, in order: cards in their (re)learning steps
 * once a step is due, then review cards due today (the most overdue
 * first), then new cards in the card set's order up to the day's limit,
 * and last learning steps due within the learn-ahead limit. A card graded
 * into a step due later today comes back when that step is due. */

typedef struct
{
  const char *id;       /* in the queue's string chunk */
  gint64 due;
  guint position;       /* in the card ids given, to break ties */
} Item;

struct _NichiroReviewQueue
{
  GStringChunk *ids;
  GArray *learning;     /* Item, by due then position */
  GArray *reviews;      /* Item, by due then position */
  GArray *fresh;        /* Item, in the given order */
  guint next_review;
  guint next_fresh;
  gint64 day_end;
};

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;

  return (x->position > y->position) - (x->position < y->position);
}

static void
insert_learning (NichiroReviewQueue *self,
                 Item                item)
{
  guint at = self->learning->len;

  /* Few cards are in their steps at once: a linear insert is enough. */
  while (at > 0 && compare_items (&g_array_index (self->learning, Item, at - 1), &item) > 0)
    at--;

  g_array_insert_val (self->learning, at, item);
}

/**
 * nichiro_review_queue_new:
 * @card_ids: (array length=n_cards): the ids of the cards to study, in the
 *   order new cards are introduced
 * @n_cards: how many
 * @states: (element-type utf8 NichiroFsrsCard): the scheduler's state of
 *   each card studied before; a card not in it is new
 * @now: the time the session starts (µs since the epoch, UTC)
 * @day_end: the end of the learner's day: review cards due before it are
 *   due today
 * @new_limit: how many new cards the session may introduce
 *
 * Builds the queue of one session. The ids are copied.
 *
 * Returns: (transfer full): the queue
 */
NichiroReviewQueue *
nichiro_review_queue_new (const char * const *card_ids,
                          guint               n_cards,
                          GHashTable         *states,
                          gint64              now,
                          gint64              day_end,
                          guint               new_limit)
{
  NichiroReviewQueue *self;

  g_return_val_if_fail (card_ids != NULL || n_cards == 0, NULL);
  g_return_val_if_fail (states != NULL, NULL);

  self = g_new0 (NichiroReviewQueue, 1);
  self->ids = g_string_chunk_new (16 * 1024);
  self->learning = g_array_new (FALSE, FALSE, sizeof (Item));
  self->reviews = g_array_sized_new (FALSE, FALSE, sizeof (Item), 256);
  self->fresh = g_array_sized_new (FALSE, FALSE, sizeof (Item), MIN (new_limit, n_cards));
  self->day_end = day_end;

  for (guint i = 0; i < n_cards; i++)
    {
      const NichiroFsrsCard *state = g_hash_table_lookup (states, card_ids[i]);
      Item item = { NULL, 0, i };

      if (state == NULL || nichiro_fsrs_card_is_new (state))
        {
          if (self->fresh->len < new_limit)
            {
              item.id = g_string_chunk_insert (self->ids, card_ids[i]);
              item.due = now;
              g_array_append_val (self->fresh, item);
            }
          continue;
        }

      if (state->due >= day_end)
        continue;

      item.id = g_string_chunk_insert (self->ids, card_ids[i]);
      item.due = state->due;
      if (state->state == NICHIRO_FSRS_STATE_REVIEW)
        g_array_append_val (self->reviews, item);
      else
        g_array_append_val (self->learning, item);
    }

  g_array_sort (self->reviews, compare_items);
  g_array_sort (self->learning, compare_items);

  return self;
}

void
nichiro_review_queue_free (NichiroReviewQueue *self)
{
  if (self == NULL)
    return;

  g_string_chunk_free (self->ids);
  g_array_unref (self->learning);
  g_array_unref (self->reviews);
  g_array_unref (self->fresh);
  g_free (self);
}

/**
 * nichiro_review_queue_get_n_learning:
 * @self: a queue
 *
 * Returns: how many cards in their learning or relearning steps are due
 *   later in the session or now
 */
guint
nichiro_review_queue_get_n_learning (NichiroReviewQueue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->learning->len;
}

/**
 * nichiro_review_queue_get_n_review:
 * @self: a queue
 *
 * Returns: how many review cards due today are left
 */
guint
nichiro_review_queue_get_n_review (NichiroReviewQueue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->reviews->len - self->next_review;
}

/**
 * nichiro_review_queue_get_n_new:
 * @self: a queue
 *
 * Returns: how many new cards the session has left to introduce
 */
guint
nichiro_review_queue_get_n_new (NichiroReviewQueue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fresh->len - self->next_fresh;
}

/**
 * nichiro_review_queue_get_n_left:
 * @self: a queue
 *
 * Returns: how many cards are left in the session
 */
guint
nichiro_review_queue_get_n_left (NichiroReviewQueue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return nichiro_review_queue_get_n_learning (self) + nichiro_review_queue_get_n_review (self) +
         nichiro_review_queue_get_n_new (self);
}

/**
 * nichiro_review_queue_peek:
 * @self: a queue
 * @now: the time
 *
 * Returns: (nullable): the id of the card to show at @now, or %NULL when
 *   none is due (nichiro_review_queue_get_next_due() says when one will
 *   be) or the session is done
 */
const char *
nichiro_review_queue_peek (NichiroReviewQueue *self,
                           gint64              now)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->learning->len > 0 && g_array_index (self->learning, Item, 0).due <= now)
    return g_array_index (self->learning, Item, 0).id;

  if (self->next_review < self->reviews->len)
    return g_array_index (self->reviews, Item, self->next_review).id;

  if (self->next_fresh < self->fresh->len)
    return g_array_index (self->fresh, Item, self->next_fresh).id;

  if (self->learning->len > 0 && g_array_index (self->learning, Item, 0).due <= now + NICHIRO_REVIEW_LEARN_AHEAD)
    return g_array_index (self->learning, Item, 0).id;

  return NULL;
}

/**
 * nichiro_review_queue_get_next_due:
 * @self: a queue
 *
 * Returns: when the next card is due: the earliest learning step left, or
 *   %G_MININT64 if review or new cards are waiting, or %G_MAXINT64 when
 *   the session is done
 */
gint64
nichiro_review_queue_get_next_due (NichiroReviewQueue *self)
{
  g_return_val_if_fail (self != NULL, G_MAXINT64);

  if (self->next_review < self->reviews->len || self->next_fresh < self->fresh->len)
    return G_MININT64;

  if (self->learning->len > 0)
    return g_array_index (self->learning, Item, 0).due;

  return G_MAXINT64;
}

/**
 * nichiro_review_queue_answered:
 * @self: a queue
 * @card_id: the card just graded
 * @after: its state after the grade
 *
 * Takes the card out of the queue, and puts it back as a learning step if
 * it is due again before the day ends.
 *
 * Returns: whether the card was in the queue
 */
gboolean
nichiro_review_queue_answered (NichiroReviewQueue    *self,
                               const char            *card_id,
                               const NichiroFsrsCard *after)
{
  Item item = { NULL, 0, G_MAXUINT };
  gboolean found = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (card_id != NULL, FALSE);
  g_return_val_if_fail (after != NULL, FALSE);

  for (guint i = 0; i < self->learning->len && !found; i++)
    {
      if (g_str_equal (g_array_index (self->learning, Item, i).id, card_id))
        {
          item = g_array_index (self->learning, Item, i);
          g_array_remove_index (self->learning, i);
          found = TRUE;
        }
    }

  if (!found && self->next_review < self->reviews->len &&
      g_str_equal (g_array_index (self->reviews, Item, self->next_review).id, card_id))
    {
      item = g_array_index (self->reviews, Item, self->next_review++);
      found = TRUE;
    }

  if (!found && self->next_fresh < self->fresh->len &&
      g_str_equal (g_array_index (self->fresh, Item, self->next_fresh).id, card_id))
    {
      item = g_array_index (self->fresh, Item, self->next_fresh++);
      found = TRUE;
    }

  if (!found)
    return FALSE;

  if (after->state != NICHIRO_FSRS_STATE_REVIEW && after->due < self->day_end)
    {
      item.due = after->due;
      insert_learning (self, item);
    }

  return TRUE;
}
