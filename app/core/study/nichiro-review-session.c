/* nichiro-review-session.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-review-session"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-review-session.h"
#include "nichiro-review-log.h"
#include "nichiro-review-queue.h"
#include "nichiro-review-stats.h"

/* One review session: the cards due today of the reader's choice, then
 * new ones up to the day's limit, one at a time, two steps each: the
 * question, then the answer and a grade. Each grade is kept in the study
 * store at once (the card's new state and a line of the review log,
 * together), so that a session left half way loses nothing. The window
 * only shows what this says. */

struct _NichiroReviewSession
{
  GObject parent_instance;

  NichiroSelfTest *self_test;
  GPtrArray *cards;             /* NichiroCard: the chosen ones, holding the ids */
  NichiroReviewQueue *queue;
  NichiroCard *card;
  NichiroReviewSessionState state;
  guint n_done;
};

G_DEFINE_FINAL_TYPE (NichiroReviewSession, nichiro_review_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_CARD,
  PROP_N_DONE,
  PROP_N_LEFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static const char *
dataset_id (NichiroReviewSession *self)
{
  return nichiro_dataset_get_id (nichiro_self_test_get_dataset (self->self_test));
}

/* The card's state now: as kept, or new. */
static void
get_state (NichiroReviewSession *self,
           NichiroCard          *card,
           gint64                now,
           NichiroFsrsCard      *out_state)
{
  NichiroStudyStore *store = nichiro_self_test_get_store (self->self_test);

  if (store == NULL || !nichiro_study_store_get_card_state (store, dataset_id (self), nichiro_card_get_id (card), out_state))
    nichiro_fsrs_card_init (out_state, now);
}

static void
set_state (NichiroReviewSession      *self,
           NichiroReviewSessionState  state,
           NichiroCard               *card)
{
  gboolean card_changed = g_set_object (&self->card, card);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (card_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
}

/* Shows the next card due, or says when one will be, or that the day is
 * done. */
static void
advance (NichiroReviewSession *self)
{
  gint64 now = nichiro_self_test_get_now (self->self_test);
  const char *id = nichiro_review_queue_peek (self->queue, now);
  NichiroCard *card;

  if (id == NULL)
    {
      gboolean done = nichiro_review_queue_get_next_due (self->queue) == G_MAXINT64;

      set_state (self, done ? NICHIRO_REVIEW_SESSION_DONE : NICHIRO_REVIEW_SESSION_WAITING, NULL);
      return;
    }

  card = nichiro_card_set_lookup (nichiro_self_test_get_cards (self->self_test), id);
  g_assert (card != NULL);
  set_state (self, NICHIRO_REVIEW_SESSION_PROMPT, card);
}

/* GObject */

static void
nichiro_review_session_dispose (GObject *object)
{
  NichiroReviewSession *self = (NichiroReviewSession *)object;

  g_clear_pointer (&self->queue, nichiro_review_queue_free);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_object (&self->card);
  g_clear_object (&self->self_test);

  G_OBJECT_CLASS (nichiro_review_session_parent_class)->dispose (object);
}

static void
nichiro_review_session_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  NichiroReviewSession *self = NICHIRO_REVIEW_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_CARD:
      g_value_set_object (value, self->card);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    case PROP_N_LEFT:
      g_value_set_uint (value, nichiro_review_session_get_n_left (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_review_session_class_init (NichiroReviewSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nichiro_review_session_dispose;
  object_class->get_property = nichiro_review_session_get_property;

  /**
   * NichiroReviewSession:state:
   *
   * A #NichiroReviewSessionState.
   */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      NICHIRO_REVIEW_SESSION_PROMPT, NICHIRO_REVIEW_SESSION_DONE, NICHIRO_REVIEW_SESSION_DONE,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL, NICHIRO_TYPE_CARD,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_LEFT] =
    g_param_spec_uint ("n-left", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nichiro_review_session_init (NichiroReviewSession *self)
{
  self->state = NICHIRO_REVIEW_SESSION_DONE;
}

/* Public API */

/**
 * nichiro_review_session_new:
 * @self_test: the self-test, with the reader's choice of cards
 *
 * Starts a session now: the cards of the reader's choice in their
 * (re)learning steps, those due today (the most overdue first), then new
 * cards up to what the day's limit leaves.
 *
 * Returns: (transfer full): the session, showing its first card
 */
NichiroReviewSession *
nichiro_review_session_new (NichiroSelfTest *self_test)
{
  NichiroReviewSession *self;
  NichiroStudyStore *store;
  g_autoptr(GHashTable) states = NULL;
  g_autoptr(GArray) log = NULL;
  g_autofree const char **ids = NULL;
  gint64 now, today;
  guint used, limit;

  g_return_val_if_fail (NICHIRO_IS_SELF_TEST (self_test), NULL);

  self = g_object_new (NICHIRO_TYPE_REVIEW_SESSION, NULL);
  self->self_test = g_object_ref (self_test);
  self->cards = nichiro_self_test_dup_chosen_cards (self_test);

  store = nichiro_self_test_get_store (self_test);
  now = nichiro_self_test_get_now (self_test);
  today = nichiro_self_test_get_day_start (self_test, 0);
  if (store != NULL)
    {
      states = nichiro_study_store_dup_card_states (store, dataset_id (self));
      log = nichiro_study_store_dup_review_log (store, dataset_id (self));
    }
  else
    {
      states = g_hash_table_new (g_str_hash, g_str_equal);
    }

  used = log != NULL ? nichiro_review_stats_count_new_since ((const NichiroReviewLogEntry *) (gpointer) log->data,
                                                             log->len, today) : 0;
  limit = nichiro_self_test_get_new_per_day (self_test);

  ids = g_new (const char *, self->cards->len + 1);
  for (guint i = 0; i < self->cards->len; i++)
    ids[i] = nichiro_card_get_id (g_ptr_array_index (self->cards, i));
  ids[self->cards->len] = NULL;

  self->queue = nichiro_review_queue_new (ids, self->cards->len, states, now,
                                          nichiro_self_test_get_day_start (self_test, 1),
                                          limit > used ? limit - used : 0);
  advance (self);

  return self;
}

/**
 * nichiro_review_session_get_self_test:
 * @self: a session
 *
 * Returns: (transfer none): the self-test it came from
 */
NichiroSelfTest *
nichiro_review_session_get_self_test (NichiroReviewSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW_SESSION (self), NULL);

  return self->self_test;
}

NichiroReviewSessionState
nichiro_review_session_get_state (NichiroReviewSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW_SESSION (self), NICHIRO_REVIEW_SESSION_DONE);

  return self->state;
}

/**
 * nichiro_review_session_get_card:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the card shown, or %NULL when the
 *   session is waiting or done
 */
NichiroCard *
nichiro_review_session_get_card (NichiroReviewSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW_SESSION (self), NULL);

  return self->card;
}

/**
 * nichiro_review_session_get_n_done:
 * @self: a session
 *
 * Returns: how many answers were graded in this session
 */
guint
nichiro_review_session_get_n_done (NichiroReviewSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW_SESSION (self), 0);

  return self->n_done;
}

/**
 * nichiro_review_session_get_n_left:
 * @self: a session
 *
 * Returns: how many cards are left today, the one shown included; a card
 *   answered Again comes back, so this may grow
 */
guint
nichiro_review_session_get_n_left (NichiroReviewSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW_SESSION (self), 0);

  return nichiro_review_queue_get_n_left (self->queue);
}

/**
 * nichiro_review_session_get_next_due:
 * @self: a session
 *
 * Returns: while waiting, when the next learning step is due; otherwise
 *   %G_MAXINT64
 */
gint64
nichiro_review_session_get_next_due (NichiroReviewSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW_SESSION (self), G_MAXINT64);

  if (self->state != NICHIRO_REVIEW_SESSION_WAITING)
    return G_MAXINT64;
  return nichiro_review_queue_get_next_due (self->queue);
}

/**
 * nichiro_review_session_show_answer:
 * @self: a session
 *
 * Shows the answer of the card whose question is shown.
 */
void
nichiro_review_session_show_answer (NichiroReviewSession *self)
{
  g_return_if_fail (NICHIRO_IS_REVIEW_SESSION (self));

  if (self->state == NICHIRO_REVIEW_SESSION_PROMPT)
    set_state (self, NICHIRO_REVIEW_SESSION_ANSWER, self->card);
}

/**
 * nichiro_review_session_preview:
 * @self: a session
 * @rating: a grade
 *
 * Returns: how long after now the card shown would come back if graded
 *   @rating, in µs; 0 when no card is shown
 */
gint64
nichiro_review_session_preview (NichiroReviewSession *self,
                                NichiroRating         rating)
{
  NichiroFsrsCard state, previews[4];
  gint64 now;

  g_return_val_if_fail (NICHIRO_IS_REVIEW_SESSION (self), 0);
  g_return_val_if_fail (rating >= NICHIRO_RATING_AGAIN && rating <= NICHIRO_RATING_EASY, 0);

  if (self->card == NULL)
    return 0;

  now = nichiro_self_test_get_now (self->self_test);
  get_state (self, self->card, now, &state);
  nichiro_fsrs_preview (nichiro_self_test_get_scheduler (self->self_test), &state, now, previews);

  return previews[rating - 1].due - now;
}

/**
 * nichiro_review_session_grade:
 * @self: a session
 * @rating: the reader's grade of the answer shown
 * @error: return location for a %NICHIRO_STUDY_ERROR error
 *
 * Schedules the card by @rating, keeps the review in the study store
 * (state and log together) and goes on to the next card.
 *
 * Returns: %FALSE if the review could not be kept (the store is
 *   read-only); the answer stays shown then
 */
gboolean
nichiro_review_session_grade (NichiroReviewSession  *self,
                              NichiroRating          rating,
                              GError               **error)
{
  NichiroStudyStore *store;
  NichiroReviewLogEntry review;
  NichiroFsrsCard before, after;
  gboolean kept = TRUE;
  gint64 now;

  g_return_val_if_fail (NICHIRO_IS_REVIEW_SESSION (self), FALSE);
  g_return_val_if_fail (rating >= NICHIRO_RATING_AGAIN && rating <= NICHIRO_RATING_EASY, FALSE);
  g_return_val_if_fail (self->state == NICHIRO_REVIEW_SESSION_ANSWER, FALSE);

  now = nichiro_self_test_get_now (self->self_test);
  get_state (self, self->card, now, &before);
  after = before;
  nichiro_fsrs_review (nichiro_self_test_get_scheduler (self->self_test), &after, now, rating);

  store = nichiro_self_test_get_store (self->self_test);
  if (store != NULL)
    {
      nichiro_review_log_entry_init (&review, nichiro_card_get_id (self->card), &before, now, rating);
      kept = nichiro_study_store_add_review (store, dataset_id (self), &review, &after, error);
      nichiro_review_log_entry_clear (&review);
    }
  if (!kept)
    return FALSE;

  nichiro_review_queue_answered (self->queue, nichiro_card_get_id (self->card), &after);
  self->n_done++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  advance (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LEFT]);

  return TRUE;
}

/**
 * nichiro_review_session_refresh:
 * @self: a session
 *
 * While waiting, shows the next card if it is due now. The window calls
 * it when the time nichiro_review_session_get_next_due() gave comes.
 */
void
nichiro_review_session_refresh (NichiroReviewSession *self)
{
  g_return_if_fail (NICHIRO_IS_REVIEW_SESSION (self));

  if (self->state == NICHIRO_REVIEW_SESSION_WAITING)
    advance (self);
}
