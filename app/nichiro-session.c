/* nichiro-session.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-session"

#include "config.h"

#include "nichiro-session.h"

/* The state every view shares: which dataset is open, which entry is
 * selected, what is being searched for. Views observe it through
 * notify:: and write to it; none of them reaches into another. */

struct _NichiroSession
{
  GObject parent_instance;

  NichiroDataset *dataset;
  NichiroSearch *search;
  NichiroEntry *selected;
  char *query;

  /* What was read before and after the selection, most recent last. */
  GPtrArray *back;
  GPtrArray *forward;
};

G_DEFINE_FINAL_TYPE (NichiroSession, nichiro_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_SELECTED,
  PROP_QUERY,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nichiro_session_dispose (GObject *object)
{
  NichiroSession *self = (NichiroSession *)object;

  g_clear_object (&self->selected);
  g_clear_pointer (&self->back, g_ptr_array_unref);
  g_clear_pointer (&self->forward, g_ptr_array_unref);
  g_clear_pointer (&self->search, nichiro_search_free);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (nichiro_session_parent_class)->dispose (object);
}

static void
nichiro_session_finalize (GObject *object)
{
  NichiroSession *self = (NichiroSession *)object;

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (nichiro_session_parent_class)->finalize (object);
}

static void
nichiro_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NichiroSession *self = NICHIRO_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, nichiro_session_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, nichiro_session_can_go_forward (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NichiroSession *self = NICHIRO_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;

    case PROP_SELECTED:
      nichiro_session_set_selected (self, g_value_get_object (value));
      break;

    case PROP_QUERY:
      nichiro_session_set_query (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_session_class_init (NichiroSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nichiro_session_dispose;
  object_class->finalize = nichiro_session_finalize;
  object_class->get_property = nichiro_session_get_property;
  object_class->set_property = nichiro_session_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         NICHIRO_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         NICHIRO_TYPE_ENTRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nichiro_session_init (NichiroSession *self)
{
  self->query = g_strdup ("");
  self->back = g_ptr_array_new_with_free_func (g_object_unref);
  self->forward = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Selects @entry without touching the history. */
static void
select_entry (NichiroSession *self,
              NichiroEntry   *entry)
{
  if (g_set_object (&self->selected, entry))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
notify_history (NichiroSession *self,
                gboolean        could_go_back,
                gboolean        could_go_forward)
{
  if (could_go_back != nichiro_session_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  if (could_go_forward != nichiro_session_can_go_forward (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
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

  entry = g_ptr_array_steal_index (from, from->len - 1);
  if (self->selected != NULL)
    g_ptr_array_add (to, g_object_ref (self->selected));
  select_entry (self, entry);
  notify_history (self, could_go_back, could_go_forward);
}

NichiroSession *
nichiro_session_new (NichiroDataset *dataset)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  return g_object_new (NICHIRO_TYPE_SESSION, "dataset", dataset, NULL);
}

/**
 * nichiro_session_get_dataset:
 * @self: a session
 *
 * Returns: (transfer none): the open dataset
 */
NichiroDataset *
nichiro_session_get_dataset (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return self->dataset;
}

/**
 * nichiro_session_get_search:
 * @self: a session
 *
 * The search over the open dataset, prepared on first use so that start-up
 * does not pay for it.
 *
 * Returns: (transfer none): the search
 */
NichiroSearch *
nichiro_session_get_search (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  if (self->search == NULL)
    self->search = nichiro_search_new (self->dataset);

  return self->search;
}

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

const char *
nichiro_session_get_query (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return self->query;
}

void
nichiro_session_set_query (NichiroSession *self,
                           const char     *query)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));

  if (query == NULL)
    query = "";

  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}
