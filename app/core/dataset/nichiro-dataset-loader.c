/* nichiro-dataset-loader.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-dataset-loader"

#include "config.h"

#include "nichiro-dataset-loader.h"

/* The bundled dataset, parsed and checked on a thread of its own once
 * started, so that the parse runs beside GTK's own start-up instead of
 * before it. The program starts it when the display is open (see
 * nichiro-application.c for why not sooner). Whoever needs the dataset
 * first joins the thread, or reads the dataset there and then if nobody
 * started it; everyone after gets the same result. */

struct _NichiroDatasetLoader
{
  GObject parent_instance;

  GThread *thread;
  gboolean done;
  NichiroDataset *dataset;
  GError *error;
};

G_DEFINE_FINAL_TYPE (NichiroDatasetLoader, nichiro_dataset_loader, G_TYPE_OBJECT)

typedef struct
{
  NichiroDataset *dataset;
  GError *error;
} LoadResult;

static gpointer
load_default_thread (gpointer data)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->dataset = nichiro_dataset_new_default (&result->error);
  return result;
}

static void
finish (NichiroDatasetLoader *self)
{
  LoadResult *result;

  if (self->done)
    return;

  result = self->thread != NULL ? g_thread_join (g_steal_pointer (&self->thread)) : load_default_thread (NULL);
  self->dataset = result->dataset;
  self->error = result->error;
  self->done = TRUE;
  g_free (result);
}

static void
nichiro_dataset_loader_finalize (GObject *object)
{
  NichiroDatasetLoader *self = (NichiroDatasetLoader *)object;

  /* A program that ends before it needed the dataset still waits for the
   * thread: it must not outlive what it writes into. */
  if (self->thread != NULL)
    finish (self);
  g_clear_object (&self->dataset);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (nichiro_dataset_loader_parent_class)->finalize (object);
}

static void
nichiro_dataset_loader_class_init (NichiroDatasetLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_dataset_loader_finalize;
}

static void
nichiro_dataset_loader_init (NichiroDatasetLoader *self)
{
}

/**
 * nichiro_dataset_loader_new_default:
 *
 * A loader of the bundled dataset, not started yet: see
 * nichiro_dataset_loader_start().
 *
 * Returns: (transfer full): the loader
 */
NichiroDatasetLoader *
nichiro_dataset_loader_new_default (void)
{
  return g_object_new (NICHIRO_TYPE_DATASET_LOADER, NULL);
}

/**
 * nichiro_dataset_loader_start:
 * @self: a loader
 *
 * Starts reading the dataset on a thread, unless that has begun or the
 * dataset has been read. Call it from the thread that made @self.
 */
void
nichiro_dataset_loader_start (NichiroDatasetLoader *self)
{
  g_return_if_fail (NICHIRO_IS_DATASET_LOADER (self));

  if (self->thread == NULL && !self->done)
    self->thread = g_thread_new ("nichiro-dataset", load_default_thread, NULL);
}

/**
 * nichiro_dataset_loader_is_started:
 * @self: a loader
 *
 * Returns: whether the dataset is being read or has been
 */
gboolean
nichiro_dataset_loader_is_started (NichiroDatasetLoader *self)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET_LOADER (self), FALSE);

  return self->thread != NULL || self->done;
}

/**
 * nichiro_dataset_loader_join:
 * @self: a loader
 * @error: where to put what went wrong
 *
 * Waits for the dataset if it is still being read, or reads it now if
 * nobody started @self. Call it from the thread that made @self.
 *
 * Returns: (transfer none) (nullable): the dataset, or %NULL with @error
 *   set if it could not be loaded
 */
NichiroDataset *
nichiro_dataset_loader_join (NichiroDatasetLoader  *self,
                             GError               **error)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET_LOADER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  finish (self);
  if (self->dataset == NULL && error != NULL)
    *error = g_error_copy (self->error);

  return self->dataset;
}
