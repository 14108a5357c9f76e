/* nichiro-session-history.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-session"

#include "config.h"

#include "nichiro-session-private.h"

/* The session's selection and its history: what was read before and
 * after it, as a browser keeps them, and walks through the entries (the
 * arrow keys on the timeline), which the history keeps as one step. */

/* Helpers */

/* Selects @entry without touching the history. */
static void
select_entry (NichiroSession *self,
              NichiroEntry   *entry)
{
  _nichiro_session_show_part (self, NULL);
  if (g_set_object (&self->selected, entry))
    g_object_notify_by_pspec (G_OBJECT (self), _nichiro_session_properties[PROP_SELECTED]);
}

static void
notify_history (NichiroSession *self,
                gboolean        could_go_back,
                gboolean        could_go_forward)
{
  if (could_go_back != nichiro_session_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), _nichiro_session_properties[PROP_CAN_GO_BACK]);
  if (could_go_forward != nichiro_session_can_go_forward (self))
    g_object_notify_by_pspec (G_OBJECT (self), _nichiro_session_properties[PROP_CAN_GO_FORWARD]);
}

/* Moves the selection one step from @from to @to. */
static void
travel (NichiroSession *self,
        GPtrArray      *from,
        GPtrArray      *to)
{
  gboolean could_go_back = nichiro_session_can_go_back (self);
  gboolean could_go_forward = nichiro_session_can_go_forward (self);
  g_autoptr(NichiroEntry) entry = NULL;

  if (from->len == 0)
    return;

  self->walking = FALSE;
  entry = g_ptr_array_steal_index (from, from->len - 1);
  if (self->selected != NULL)
    g_ptr_array_add (to, g_object_ref (self->selected));
  select_entry (self, entry);
  notify_history (self, could_go_back, could_go_forward);
}

/* Public API */

/**
 * nichiro_session_get_selected:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the selected entry
 */
NichiroEntry *
nichiro_session_get_selected (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return self->selected;
}

void
nichiro_session_set_selected (NichiroSession *self,
                              NichiroEntry   *entry)
{
  gboolean could_go_back, could_go_forward;

  g_return_if_fail (NICHIRO_IS_SESSION (self));
  g_return_if_fail (entry == NULL || NICHIRO_IS_ENTRY (entry));

  self->walking = FALSE;
  /* Choosing the entry being read again brings it back from a part. */
  _nichiro_session_show_part (self, NULL);
  if (self->selected == entry)
    return;

  could_go_back = nichiro_session_can_go_back (self);
  could_go_forward = nichiro_session_can_go_forward (self);

  /* A new step in reading: what was read can be gone back to, and the
   * way forward branches off. */
  if (self->selected != NULL && entry != NULL)
    {
      g_ptr_array_add (self->back, g_object_ref (self->selected));
      g_ptr_array_set_size (self->forward, 0);
    }

  select_entry (self, entry);
  notify_history (self, could_go_back, could_go_forward);
}

/**
 * nichiro_session_walk_to:
 * @self: a session
 * @entry: the next entry of a walk through them (the arrow keys on the
 *   timeline, say)
 *
 * Selects @entry as one step of a walk. The first step is remembered as
 * nichiro_session_set_selected() remembers any selection; the steps after
 * it replace each other, so that Back returns to where the walk began,
 * not to the step before. Any other selection ends the walk.
 */
void
nichiro_session_walk_to (NichiroSession *self,
                         NichiroEntry   *entry)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));
  g_return_if_fail (NICHIRO_IS_ENTRY (entry));

  if (!self->walking)
    {
      nichiro_session_set_selected (self, entry);
      self->walking = TRUE;
      return;
    }

  select_entry (self, entry);
}

gboolean
nichiro_session_can_go_back (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), FALSE);

  return self->back->len > 0;
}

gboolean
nichiro_session_can_go_forward (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), FALSE);

  return self->forward->len > 0;
}

/**
 * nichiro_session_go_back:
 * @self: a session
 *
 * Selects the entry read before this one, as a browser's Back does.
 */
void
nichiro_session_go_back (NichiroSession *self)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));

  travel (self, self->back, self->forward);
}

void
nichiro_session_go_forward (NichiroSession *self)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));

  travel (self, self->forward, self->back);
}

/**
 * nichiro_session_select_id:
 * @self: a session
 * @id: an entry id
 *
 * Returns: %TRUE if the dataset has an entry with @id, now selected
 */
gboolean
nichiro_session_select_id (NichiroSession *self,
                           const char     *id)
{
  NichiroEntry *entry;

  g_return_val_if_fail (NICHIRO_IS_SESSION (self), FALSE);

  entry = nichiro_dataset_lookup_entry (self->dataset, id);
  if (entry == NULL)
    return FALSE;

  nichiro_session_set_selected (self, entry);
  return TRUE;
}
