/* study-crash-writer.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nichiro-study-store.h"

/* study-crash-writer PATH
 *
 * Opens the study file at PATH and saves ever newer states into it until
 * it is killed: state N gives every one of its entries the note
 * "state N", the page "p. N" and the studied mark N % 2. After each save
 * it prints "saved N". It goes on from the state it finds, so each run
 * also proves that the file the last one left behind opens as it is. */

#define DATASET_ID "crash"
#define N_ENTRIES 40

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NichiroStudyStore) store = NULL;
  const char *note;
  guint64 state = 0;

  if (argc != 2)
    {
      g_printerr ("usage: study-crash-writer PATH\n");
      return 2;
    }

  store = nichiro_study_store_new (argv[1]);
  if (nichiro_study_store_get_recovery_message (store) != NULL)
    {
      g_printerr ("study-crash-writer: %s\n", nichiro_study_store_get_recovery_message (store));
      return 3;
    }

  note = nichiro_study_store_get_note (store, DATASET_ID, "entry-0");
  if (note != NULL && !g_str_has_prefix (note, "state "))
    return 4;
  if (note != NULL)
    state = g_ascii_strtoull (note + strlen ("state "), NULL, 10);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *page = NULL;

      state++;
      text = g_strdup_printf ("state %" G_GUINT64_FORMAT, state);
      page = g_strdup_printf ("p. %" G_GUINT64_FORMAT, state);

      for (guint i = 0; i < N_ENTRIES; i++)
        {
          g_autofree char *entry_id = g_strdup_printf ("entry-%u", i);

          if (!nichiro_study_store_set_note (store, DATASET_ID, entry_id, text, &error) ||
              !nichiro_study_store_set_page (store, DATASET_ID, entry_id, page, &error) ||
              !nichiro_study_store_set_studied (store, DATASET_ID, entry_id, state % 2, &error))
            {
              g_printerr ("study-crash-writer: %s\n", error->message);
              return 1;
            }
        }

      if (!nichiro_study_store_flush (store, &error))
        {
          g_printerr ("study-crash-writer: %s\n", error->message);
          return 1;
        }

      printf ("saved %" G_GUINT64_FORMAT "\n", state);
      fflush (stdout);
    }
}
