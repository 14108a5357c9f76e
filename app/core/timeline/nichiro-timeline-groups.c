/* nichiro-timeline-groups.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-groups"

#include "config.h"

#include "nichiro-timeline-groups.h"
#include "nichiro-timeline-model-private.h"

#include <string.h>

/* Which items the timeline shows, and in which groups of lanes: all in
 * one, by kind (instruments, wars and battles, events) or by thread. A
 * filter hides kinds and threads. An entry of several threads is in the
 * group of each one shown, so that a thread reads whole; its first group
 * is its primary one, where the keyboard and the selection find it. The
 * layout (nichiro-timeline-layout.c) packs each group's lanes apart. */

struct _NichiroTimelineGroups
{
  gatomicrefcount ref_count;

  NichiroTimelineModel *model;
  NichiroTimelineGrouping grouping;
  GArray *groups;         /* NichiroTimelineGroupInfo */
  GArray *occurrences;    /* item positions, group after group */
  int *primary;           /* per item: its first group, or -1 when hidden */
  guint n_shown;
};

/* Helpers */

static gboolean
strv_has (const char * const *strv,
          const char         *text)
{
  return strv != NULL && g_strv_contains (strv, text);
}

/* Whether the filter leaves @item shown: its kind is not hidden, and it
 * has a thread that is not, or no thread while "no thread" is not. */
static gboolean
passes_filter (const NichiroTimelineItem *item,
               guint                      hidden_categories,
               const char * const        *hidden_threads)
{
  const char * const *threads;

  if (hidden_categories & (1u << item->category))
    return FALSE;

  if (hidden_threads == NULL || hidden_threads[0] == NULL)
    return TRUE;

  threads = nichiro_entry_get_threads (item->entry);
  if (threads == NULL || threads[0] == NULL)
    return !strv_has (hidden_threads, NICHIRO_TIMELINE_NO_THREAD);

  for (guint i = 0; threads[i] != NULL; i++)
    if (!strv_has (hidden_threads, threads[i]))
      return TRUE;

  return FALSE;
}

static void
add_group (NichiroTimelineGroups   *self,
           NichiroTimelineCategory  category,
           const NichiroThread     *thread,
           GArray                  *items)
{
  NichiroTimelineGroupInfo info = { category, thread, NULL, items->len, self->occurrences->len };
  guint group = self->groups->len;

  if (items->len == 0)
    return;

  for (guint i = 0; i < items->len; i++)
    {
      guint item = g_array_index (items, guint, i);

      if (self->primary[item] < 0)
        self->primary[item] = group;
    }

  g_array_append_vals (self->occurrences, items->data, items->len);
  g_array_append_val (self->groups, info);
}

/**
 * nichiro_timeline_groups_new:
 * @model: a model
 * @grouping: how to group the lanes
 * @hidden_categories: a mask of `1 << NichiroTimelineCategory` for the
 *   kinds to hide
 * @hidden_threads: (array zero-terminated=1) (nullable): the ids of the
 *   threads to hide, %NICHIRO_TIMELINE_NO_THREAD among them to hide
 *   entries of no thread
 *
 * Returns: (transfer full): what the timeline shows, in groups; empty
 *   groups are left out
 */
NichiroTimelineGroups *
nichiro_timeline_groups_new (NichiroTimelineModel    *model,
                             NichiroTimelineGrouping  grouping,
                             guint                    hidden_categories,
                             const char * const      *hidden_threads)
{
  NichiroTimelineGroups *self;
  guint n_items;
  g_autofree guint8 *shown = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (model != NULL, NULL);

  n_items = model->items->len;
  self = g_new0 (NichiroTimelineGroups, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->model = nichiro_timeline_model_ref (model);
  self->grouping = grouping;
  self->groups = g_array_new (FALSE, FALSE, sizeof (NichiroTimelineGroupInfo));
  self->occurrences = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_items);
  self->primary = g_new (int, MAX (n_items, 1));

  shown = g_new0 (guint8, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    {
      self->primary[i] = -1;
      shown[i] = passes_filter (&g_array_index (model->items, NichiroTimelineItem, i),
                                hidden_categories, hidden_threads);
      self->n_shown += shown[i];
    }

  switch (grouping)
    {
    case NICHIRO_TIMELINE_GROUP_BY_KIND:
      for (guint c = 0; c < NICHIRO_TIMELINE_N_CATEGORIES; c++)
        {
          g_array_set_size (items, 0);
          for (guint i = 0; i < n_items; i++)
            if (shown[i] && g_array_index (model->items, NichiroTimelineItem, i).category == c)
              g_array_append_val (items, i);
          add_group (self, c, NULL, items);
        }
      break;

    case NICHIRO_TIMELINE_GROUP_BY_THREAD:
      {
        guint n_threads;
        const NichiroThread *threads = nichiro_dataset_get_threads (model->dataset, &n_threads);
        g_autoptr(GHashTable) thread_index = g_hash_table_new (g_str_hash, g_str_equal);
        g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

        for (guint t = 0; t < n_threads; t++)
          {
            g_hash_table_insert (thread_index, threads[t].id, GUINT_TO_POINTER (t + 1));
            g_ptr_array_add (members, g_array_new (FALSE, FALSE, sizeof (guint)));
          }

        g_array_set_size (items, 0);
        for (guint i = 0; i < n_items; i++)
          {
            const char * const *ids;
            gboolean in_any = FALSE;

            if (!shown[i])
              continue;

            ids = nichiro_entry_get_threads (g_array_index (model->items, NichiroTimelineItem, i).entry);
            for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
              {
                guint t = GPOINTER_TO_UINT (g_hash_table_lookup (thread_index, ids[k]));

                if (t == 0 || strv_has (hidden_threads, ids[k]))
                  continue;
                g_array_append_val (g_ptr_array_index (members, t - 1), i);
                in_any = TRUE;
              }

            /* No thread shown: with the others, at the end. */
            if (!in_any)
              g_array_append_val (items, i);
          }

        for (guint t = 0; t < n_threads; t++)
          add_group (self, NICHIRO_TIMELINE_CATEGORY_EVENTS, &threads[t], g_ptr_array_index (members, t));
        add_group (self, NICHIRO_TIMELINE_CATEGORY_EVENTS, NULL, items);
      }
      break;

    case NICHIRO_TIMELINE_GROUP_BY_NONE:
    default:
      for (guint i = 0; i < n_items; i++)
        if (shown[i])
          g_array_append_val (items, i);
      add_group (self, NICHIRO_TIMELINE_CATEGORY_EVENTS, NULL, items);
      break;
    }

  /* The groups point into the occurrences once these have stopped growing. */
  for (guint g = 0; g < self->groups->len; g++)
    {
      NichiroTimelineGroupInfo *info = &g_array_index (self->groups, NichiroTimelineGroupInfo, g);

      info->items = &g_array_index (self->occurrences, guint, info->first_occurrence);
    }

  return self;
}

NichiroTimelineGroups *
nichiro_timeline_groups_ref (NichiroTimelineGroups *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nichiro_timeline_groups_unref (NichiroTimelineGroups *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->groups);
  g_array_unref (self->occurrences);
  g_free (self->primary);
  nichiro_timeline_model_unref (self->model);
  g_free (self);
}

/**
 * nichiro_timeline_groups_get_model:
 * @self: groups
 *
 * Returns: (transfer none): the model they group
 */
NichiroTimelineModel *
nichiro_timeline_groups_get_model (NichiroTimelineGroups *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->model;
}

NichiroTimelineGrouping
nichiro_timeline_groups_get_grouping (NichiroTimelineGroups *self)
{
  g_return_val_if_fail (self != NULL, NICHIRO_TIMELINE_GROUP_BY_NONE);

  return self->grouping;
}

guint
nichiro_timeline_groups_get_n_groups (NichiroTimelineGroups *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->groups->len;
}

/**
 * nichiro_timeline_groups_get_group:
 * @self: groups
 * @group: a group
 *
 * Returns: (transfer none): what it holds
 */
const NichiroTimelineGroupInfo *
nichiro_timeline_groups_get_group (NichiroTimelineGroups *self,
                                   guint                  group)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);

  return &g_array_index (self->groups, NichiroTimelineGroupInfo, group);
}

/**
 * nichiro_timeline_groups_get_n_occurrences:
 * @self: groups
 *
 * Returns: how many items all groups hold together, counting an item once
 *   for each group it is in
 */
guint
nichiro_timeline_groups_get_n_occurrences (NichiroTimelineGroups *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->occurrences->len;
}

gboolean
nichiro_timeline_groups_is_shown (NichiroTimelineGroups *self,
                                  guint                  item)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (item < self->model->items->len, FALSE);

  return self->primary[item] >= 0;
}

/**
 * nichiro_timeline_groups_get_n_shown:
 * @self: groups
 *
 * Returns: how many items the filter leaves shown
 */
guint
nichiro_timeline_groups_get_n_shown (NichiroTimelineGroups *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_shown;
}

/**
 * nichiro_timeline_groups_get_primary:
 * @self: groups
 * @item: an item's position
 *
 * Returns: the first group @item is in, or -1 when it is hidden
 */
int
nichiro_timeline_groups_get_primary (NichiroTimelineGroups *self,
                                     guint                  item)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (item < self->model->items->len, -1);

  return self->primary[item];
}

/**
 * nichiro_timeline_groups_step:
 * @self: groups
 * @from: an item's position
 * @direction: 1 for the next in time, -1 for the one before
 * @out_item: (out): the nearest shown item that way
 *
 * Returns: %FALSE when there is none
 */
gboolean
nichiro_timeline_groups_step (NichiroTimelineGroups *self,
                              guint                  from,
                              int                    direction,
                              guint                 *out_item)
{
  gint64 i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (direction == 1 || direction == -1, FALSE);
  g_return_val_if_fail (out_item != NULL, FALSE);

  for (i = (gint64) from + direction; i >= 0 && i < self->model->items->len; i += direction)
    {
      if (self->primary[i] >= 0)
        {
          *out_item = (guint) i;
          return TRUE;
        }
    }

  return FALSE;
}
