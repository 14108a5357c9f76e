/* nichiro-check-bundled.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "nichiro-data-resources.h"
#include "nichiro-dataset.h"

/* Run by the build: checks the dataset compiled into the program against
 * its schema and every rule beyond it, and fails the build with each
 * problem at its line and column if it does not pass. The program then
 * skips the schema when it loads this dataset (nichiro_dataset_new_default()),
 * because the bytes it reads are the ones checked here.
 *
 * Usage: nichiro-check-bundled STAMP */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *stamp = NULL;
  const char *text;
  gsize length;

  setlocale (LC_ALL, "");

  if (argc != 2)
    {
      g_printerr ("usage: %s STAMP\n", argv[0]);
      return 2;
    }

  bytes = g_resource_lookup_data (nichiro_data_get_resource (), NICHIRO_DATASET_DEFAULT_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  text = g_bytes_get_data (bytes, &length);
  dataset = nichiro_dataset_new_from_data (text, length, "data/japan-russia.json", &error);
  if (dataset == NULL)
    {
      g_printerr ("The bundled dataset does not pass its checks:\n%s\n", error->message);
      return 1;
    }

  stamp = g_strdup_printf ("data/japan-russia.json: %u entries, %" G_GSIZE_FORMAT " bytes, checked\n",
                           g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)), length);
  if (!g_file_set_contents (argv[1], stamp, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
