/* nichiro-results-model.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-results-model"

#include "config.h"

#include "nichiro-results-model.h"
#include "nichiro-search-hit.h"

/* Search results as a GListModel of NichiroSearchHit, made when a list asks
 * for them: a broad query over a large dataset matches tens of thousands of
 * entries, and a list shows a screenful. */

struct _NichiroResultsModel
{
  GObject parent_instance;

  NichiroSearchResults *results;
  GPtrArray *hits;         /* NichiroSearchHit or NULL, by position */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NichiroResultsModel, nichiro_results_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
nichiro_results_model_get_item_type (GListModel *model)
{
  return NICHIRO_TYPE_SEARCH_HIT;
}

static guint
nichiro_results_model_get_n_items (GListModel *model)
{
  NichiroResultsModel *self = NICHIRO_RESULTS_MODEL (model);

  return self->results ? self->results->items->len : 0;
}

static gpointer
nichiro_results_model_get_item (GListModel *model,
                                guint       position)
{
  NichiroResultsModel *self = NICHIRO_RESULTS_MODEL (model);

  if (self->results == NULL || position >= self->results->items->len)
    return NULL;

  if (g_ptr_array_index (self->hits, position) == NULL)
    g_ptr_array_index (self->hits, position) =
      nichiro_search_hit_new (g_ptr_array_index (self->results->items, position));

  return g_object_ref (g_ptr_array_index (self->hits, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = nichiro_results_model_get_item_type;
  iface->get_n_items = nichiro_results_model_get_n_items;
  iface->get_item = nichiro_results_model_get_item;
}

/* Hits are made when a list asks for them: most slots stay empty. */
static void
hit_free (gpointer hit)
{
  if (hit != NULL)
    g_object_unref (hit);
}

static void
nichiro_results_model_finalize (GObject *object)
{
  NichiroResultsModel *self = (NichiroResultsModel *)object;

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_pointer (&self->results, nichiro_search_results_free);

  G_OBJECT_CLASS (nichiro_results_model_parent_class)->finalize (object);
}

static void
nichiro_results_model_class_init (NichiroResultsModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_results_model_finalize;
}

static void
nichiro_results_model_init (NichiroResultsModel *self)
{
  self->hits = g_ptr_array_new_with_free_func (hit_free);
}

NichiroResultsModel *
nichiro_results_model_new (void)
{
  return g_object_new (NICHIRO_TYPE_RESULTS_MODEL, NULL);
}

/**
 * nichiro_results_model_set_results:
 * @self: a model
 * @results: (transfer full) (nullable): new results, or %NULL for none
 *
 * Replaces the results the model lists.
 */
void
nichiro_results_model_set_results (NichiroResultsModel  *self,
                                   NichiroSearchResults *results)
{
  guint removed, added;

  g_return_if_fail (NICHIRO_IS_RESULTS_MODEL (self));

  removed = nichiro_results_model_get_n_items (G_LIST_MODEL (self));

  g_clear_pointer (&self->results, nichiro_search_results_free);
  self->results = results;

  /* A hit holds its own copy of what it shows, so the old ones can go. */
  g_ptr_array_set_size (self->hits, 0);
  added = nichiro_results_model_get_n_items (G_LIST_MODEL (self));
  g_ptr_array_set_size (self->hits, added);

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}

/**
 * nichiro_results_model_get_results:
 * @self: a model
 *
 * Returns: (nullable): the results listed
 */
const NichiroSearchResults *
nichiro_results_model_get_results (NichiroResultsModel *self)
{
  g_return_val_if_fail (NICHIRO_IS_RESULTS_MODEL (self), NULL);

  return self->results;
}
