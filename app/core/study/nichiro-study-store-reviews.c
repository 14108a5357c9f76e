/* nichiro-study-store-reviews.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-study-store"

#include "config.h"

#include "nichiro-study-store.h"
#include "nichiro-study-store-private.h"

/* The self-test's memory, kept with the reader's notes and as safely: the
 * scheduler's state of each card the reader has answered, under the
 * dataset's "cards" by card id, and the log of every graded review, in
 * the dataset's "reviews" in the order they were made. A card's state
 * follows from its reviews, and the log is the record: a merge (with
 * another process's save, or a backup) keeps every review of either side,
 * record by record in time order, a review both hold once; of two states
 * of one card it keeps the one reviewed last. */

/* Helpers */

static JsonArray *
dataset_get_reviews (JsonObject *dataset,
                     gboolean    create)
{
  JsonNode *node = dataset != NULL ? json_object_get_member (dataset, "reviews") : NULL;

  if ((node == NULL || !JSON_NODE_HOLDS_ARRAY (node)) && create && dataset != NULL)
    {
      json_object_set_array_member (dataset, "reviews", json_array_new ());
      node = json_object_get_member (dataset, "reviews");
    }

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonObject *
dataset_get_cards (JsonObject *dataset,
                   gboolean    create)
{
  JsonObject *cards = _nichiro_study_object_get_object (dataset, "cards");

  if (cards == NULL && create && dataset != NULL)
    {
      cards = json_object_new ();
      json_object_set_object_member (dataset, "cards", cards);
    }

  return cards;
}

/* When the card state @node was last reviewed; NICHIRO_FSRS_NEVER when it
 * cannot be read (the document was checked when it was read, so only a
 * newer version's may not be). */
static gint64
card_node_get_last_review (JsonNode *node)
{
  NichiroFsrsCard card;

  if (!nichiro_fsrs_card_from_json (node, &card, NULL))
    return NICHIRO_FSRS_NEVER;
  return card.last_review;
}

/* The log held in @reviews, in its order; records that cannot be read are
 * left out (the document was checked when it was read). */
static GArray *
dup_log (JsonArray *reviews)
{
  guint n = reviews != NULL ? json_array_get_length (reviews) : 0;
  GArray *log = g_array_sized_new (FALSE, FALSE, sizeof (NichiroReviewLogEntry), n);

  g_array_set_clear_func (log, (GDestroyNotify) nichiro_review_log_entry_clear);
  for (guint i = 0; i < n; i++)
    {
      NichiroReviewLogEntry entry;

      if (nichiro_review_log_entry_from_json (json_array_get_element (reviews, i), &entry, NULL))
        g_array_append_val (log, entry);
    }

  return log;
}

static gboolean
log_is_sorted (GArray *log)
{
  for (guint i = 1; i < log->len; i++)
    if (nichiro_review_log_entry_compare (&g_array_index (log, NichiroReviewLogEntry, i - 1),
                                          &g_array_index (log, NichiroReviewLogEntry, i)) > 0)
      return FALSE;
  return TRUE;
}

/* Internals */

/**
 * _nichiro_study_merge_reviews:
 * @ours: a dataset of the store's document
 * @theirs: the same dataset in another document (a backup, the file)
 *
 * Merges the review log of @theirs into that of @ours, record by record
 * in time order: every review of either is kept, one both hold once.
 *
 * Returns: how many reviews @ours did not have
 */
guint
_nichiro_study_merge_reviews (JsonObject *ours,
                              JsonObject *theirs)
{
  JsonArray *their_reviews = dataset_get_reviews (theirs, FALSE);
  g_autoptr(GArray) our_log = NULL;
  g_autoptr(GArray) their_log = NULL;
  g_autoptr(GArray) merged = NULL;
  JsonArray *array;
  guint added;

  if (their_reviews == NULL || json_array_get_length (their_reviews) == 0)
    return 0;

  our_log = dup_log (dataset_get_reviews (ours, FALSE));
  their_log = dup_log (their_reviews);
  merged = nichiro_review_log_merge ((const NichiroReviewLogEntry *) (gpointer) our_log->data, our_log->len,
                                     (const NichiroReviewLogEntry *) (gpointer) their_log->data, their_log->len);

  /* Ours, deduplicated, is at most as long as it was: whatever is more
   * came from theirs. The merge also sorts; an unchanged log that was in
   * order is left as it is. */
  added = merged->len > our_log->len ? merged->len - our_log->len : 0;
  if (merged->len == our_log->len && log_is_sorted (our_log))
    return 0;

  array = json_array_sized_new (merged->len);
  for (guint i = 0; i < merged->len; i++)
    json_array_add_element (array, nichiro_review_log_entry_to_json (&g_array_index (merged, NichiroReviewLogEntry, i)));
  json_object_set_array_member (ours, "reviews", array);

  return added;
}

/**
 * _nichiro_study_take_card:
 * @ours: a dataset of the store's document
 * @card_id: a card
 * @node: the card's state in another document
 * @keep_ours: whether a state of ours stays unless @node was reviewed
 *   later; otherwise @node replaces it whatever its age
 *
 * Returns: whether @ours took @node
 */
gboolean
_nichiro_study_take_card (JsonObject *ours,
                          const char *card_id,
                          JsonNode   *node,
                          gboolean    keep_ours)
{
  JsonObject *cards = dataset_get_cards (ours, FALSE);
  JsonNode *our_node = cards != NULL ? json_object_get_member (cards, card_id) : NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node) || (our_node != NULL && json_node_equal (our_node, node)))
    return FALSE;

  /* The state reviewed last holds every review before it; ours on a tie. */
  if (our_node != NULL && keep_ours &&
      card_node_get_last_review (node) <= card_node_get_last_review (our_node))
    return FALSE;

  json_object_set_member (dataset_get_cards (ours, TRUE), card_id, _nichiro_study_node_deep_copy (node));
  return TRUE;
}

/**
 * _nichiro_study_store_merge_reviews_from_file:
 * @self: a store
 * @dataset_id: a dataset
 * @ours: what the store holds for it
 * @theirs: what the file holds for it
 *
 * Takes the file's reviews and card states into the store: every review
 * this store lacks, the state of every card this store did not review
 * since it last met the file, and of a card both reviewed, the state
 * reviewed last.
 *
 * Returns: whether the store's cards or reviews changed
 */
gboolean
_nichiro_study_store_merge_reviews_from_file (NichiroStudyStore *self,
                                              const char        *dataset_id,
                                              JsonObject        *ours,
                                              JsonObject        *theirs)
{
  JsonObject *their_cards = dataset_get_cards (theirs, FALSE);
  gboolean changed = _nichiro_study_merge_reviews (ours, theirs) > 0;
  JsonObjectIter iter;
  const char *card_id;
  JsonNode *node;

  if (their_cards == NULL)
    return changed;

  json_object_iter_init_ordered (&iter, their_cards);
  while (json_object_iter_next_ordered (&iter, &card_id, &node))
    {
      gboolean ours_changed = _nichiro_study_was_changed (self->changed_cards, dataset_id, card_id);

      changed |= _nichiro_study_take_card (ours, card_id, node, ours_changed);
    }

  return changed;
}

/* Public API */

/**
 * nichiro_study_store_get_card_state:
 * @self: a store
 * @dataset_id: the dataset's id
 * @card_id: a card's id
 * @out_card: (out caller-allocates): its state
 *
 * Returns: %TRUE if the reader has answered the card; otherwise it is new
 *   and @out_card is left alone
 */
gboolean
nichiro_study_store_get_card_state (NichiroStudyStore *self,
                                    const char        *dataset_id,
                                    const char        *card_id,
                                    NichiroFsrsCard   *out_card)
{
  JsonObject *cards;
  JsonNode *node;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (dataset_id != NULL, FALSE);
  g_return_val_if_fail (card_id != NULL, FALSE);
  g_return_val_if_fail (out_card != NULL, FALSE);

  cards = dataset_get_cards (_nichiro_study_store_get_dataset (self, dataset_id, FALSE), FALSE);
  node = cards != NULL ? json_object_get_member (cards, card_id) : NULL;

  return node != NULL && nichiro_fsrs_card_from_json (node, out_card, NULL);
}

/**
 * nichiro_study_store_dup_card_states:
 * @self: a store
 * @dataset_id: the dataset's id
 *
 * Returns: (transfer full) (element-type utf8 NichiroFsrsCard): the state
 *   of every card of the dataset the reader has answered, by card id, as
 *   nichiro_review_queue_new() takes them
 */
GHashTable *
nichiro_study_store_dup_card_states (NichiroStudyStore *self,
                                     const char        *dataset_id)
{
  GHashTable *states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *cards;
  JsonObjectIter iter;
  const char *card_id;
  JsonNode *node;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), states);
  g_return_val_if_fail (dataset_id != NULL, states);

  cards = dataset_get_cards (_nichiro_study_store_get_dataset (self, dataset_id, FALSE), FALSE);
  if (cards == NULL)
    return states;

  json_object_iter_init_ordered (&iter, cards);
  while (json_object_iter_next_ordered (&iter, &card_id, &node))
    {
      NichiroFsrsCard card;

      if (nichiro_fsrs_card_from_json (node, &card, NULL))
        g_hash_table_insert (states, g_strdup (card_id), g_memdup2 (&card, sizeof card));
    }

  return states;
}

/**
 * nichiro_study_store_dup_review_log:
 * @self: a store
 * @dataset_id: the dataset's id
 *
 * Returns: (transfer full) (element-type NichiroReviewLogEntry): every
 *   graded review of the dataset's cards, in the order they were made;
 *   the array clears its entries
 */
GArray *
nichiro_study_store_dup_review_log (NichiroStudyStore *self,
                                    const char        *dataset_id)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (dataset_id != NULL, NULL);

  return dup_log (dataset_get_reviews (_nichiro_study_store_get_dataset (self, dataset_id, FALSE), FALSE));
}

/**
 * nichiro_study_store_get_n_reviews:
 * @self: a store
 * @dataset_id: the dataset's id
 *
 * Returns: how many reviews the log of the dataset holds
 */
guint
nichiro_study_store_get_n_reviews (NichiroStudyStore *self,
                                   const char        *dataset_id)
{
  JsonArray *reviews;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), 0);
  g_return_val_if_fail (dataset_id != NULL, 0);

  reviews = dataset_get_reviews (_nichiro_study_store_get_dataset (self, dataset_id, FALSE), FALSE);
  return reviews != NULL ? json_array_get_length (reviews) : 0;
}

/**
 * nichiro_study_store_add_review:
 * @self: a store
 * @dataset_id: the dataset's id
 * @review: the graded review: the card, when, the grade and what the card
 *   was before
 * @after: the card's state the scheduler gave it for the grade
 * @error: return location for a %NICHIRO_STUDY_ERROR_READ_ONLY error
 *
 * Keeps a graded review: appends it to the log and sets the card's state,
 * together, and saves shortly as every change is saved (flush to save at
 * once). Emits #NichiroStudyStore::reviews-changed.
 *
 * Returns: %FALSE if the store is read-only; nothing is kept then
 */
gboolean
nichiro_study_store_add_review (NichiroStudyStore            *self,
                                const char                   *dataset_id,
                                const NichiroReviewLogEntry  *review,
                                const NichiroFsrsCard        *after,
                                GError                      **error)
{
  JsonObject *dataset;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (dataset_id != NULL && dataset_id[0] != '\0', FALSE);
  g_return_val_if_fail (review != NULL && review->card_id != NULL && review->card_id[0] != '\0', FALSE);
  g_return_val_if_fail (review->rating >= NICHIRO_RATING_AGAIN && review->rating <= NICHIRO_RATING_EASY, FALSE);
  g_return_val_if_fail (after != NULL && after->last_review != NICHIRO_FSRS_NEVER, FALSE);

  if (!_nichiro_study_store_check_writable (self, error))
    return FALSE;

  dataset = _nichiro_study_store_get_dataset (self, dataset_id, TRUE);
  json_array_add_element (dataset_get_reviews (dataset, TRUE), nichiro_review_log_entry_to_json (review));
  json_object_set_member (dataset_get_cards (dataset, TRUE), review->card_id, nichiro_fsrs_card_to_json (after));
  _nichiro_study_note_change (self->changed_cards, dataset_id, review->card_id);

  _nichiro_study_store_mark_changed (self);
  _nichiro_study_store_emit_reviews_changed (self, dataset_id);

  return TRUE;
}
