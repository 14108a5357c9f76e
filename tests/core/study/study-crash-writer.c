/* study-crash-writer.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nichiro-study-store.h"

/* A second Nichiro, as far as the study file can tell: it opens the file
 * at PATH and writes into it, for the tests to kill it or to have it take
 * turns with another writer.
 *
 *   study-crash-writer PATH
 *   study-crash-writer --prefix P PATH
 *
 * saves ever newer states until it is killed: state N gives every one of
 * its entries (entry-0 … entry-39, or P-0 … P-39) the note "state N", the
 * page "p. N" and the studied mark N % 2. Before each save it prints
 * "saving N", or "saving N merge" when the file changed since its last
 * save (another writer saved, so the store must merge before it writes);
 * after it, "saved N". It goes on from the state it finds, so each run
 * also proves that the file the last one left behind opens as it is.
 *
 *   study-crash-writer --commands PATH
 *
 * keeps the file open and reads commands from its standard input, one a
 * line, answering each with one line: "note ENTRY TEXT" sets a note
 * ("ok"), "flush" saves ("ok" or "error MESSAGE"), "get ENTRY" prints the
 * note it holds (or "(none)"), "quit" saves and exits. */

#define DATASET_ID "crash"
#define N_ENTRIES 40

typedef struct
{
  gboolean exists;
  dev_t dev;
  ino_t ino;
  goffset size;
  gint64 mtime_ns;
} Stamp;

static Stamp
stamp_file (const char *path)
{
  Stamp stamp = { 0, };
  GStatBuf buf;

  if (g_stat (path, &buf) == 0)
    {
      stamp.exists = TRUE;
      stamp.dev = buf.st_dev;
      stamp.ino = buf.st_ino;
      stamp.size = buf.st_size;
      stamp.mtime_ns = (gint64) buf.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + buf.st_mtim.tv_nsec;
    }

  return stamp;
}

static gboolean
stamps_equal (const Stamp *a,
              const Stamp *b)
{
  return a->exists == b->exists && a->dev == b->dev && a->ino == b->ino &&
         a->size == b->size && a->mtime_ns == b->mtime_ns;
}

static int
run_loop (const char *path,
          const char *prefix)
{
  g_autoptr(NichiroStudyStore) store = NULL;
  g_autofree char *first = g_strdup_printf ("%s-0", prefix);
  const char *note;
  guint64 state = 0;
  Stamp last_saved;

  store = nichiro_study_store_new (path);
  if (nichiro_study_store_get_recovery_message (store) != NULL)
    {
      g_printerr ("study-crash-writer: %s\n", nichiro_study_store_get_recovery_message (store));
      return 3;
    }

  note = nichiro_study_store_get_note (store, DATASET_ID, first);
  if (note != NULL && !g_str_has_prefix (note, "state "))
    return 4;
  if (note != NULL)
    state = g_ascii_strtoull (note + strlen ("state "), NULL, 10);
  last_saved = stamp_file (path);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *page = NULL;
      Stamp now;

      state++;
      text = g_strdup_printf ("state %" G_GUINT64_FORMAT, state);
      page = g_strdup_printf ("p. %" G_GUINT64_FORMAT, state);

      for (guint i = 0; i < N_ENTRIES; i++)
        {
          g_autofree char *entry_id = g_strdup_printf ("%s-%u", prefix, i);

          if (!nichiro_study_store_set_note (store, DATASET_ID, entry_id, text, &error) ||
              !nichiro_study_store_set_page (store, DATASET_ID, entry_id, page, &error) ||
              !nichiro_study_store_set_studied (store, DATASET_ID, entry_id, state % 2, &error))
            {
              g_printerr ("study-crash-writer: %s\n", error->message);
              return 1;
            }
        }

      now = stamp_file (path);
      printf ("saving %" G_GUINT64_FORMAT "%s\n", state, stamps_equal (&now, &last_saved) ? "" : " merge");
      fflush (stdout);

      if (!nichiro_study_store_flush (store, &error))
        {
          g_printerr ("study-crash-writer: %s\n", error->message);
          return 1;
        }
      last_saved = stamp_file (path);

      printf ("saved %" G_GUINT64_FORMAT "\n", state);
      fflush (stdout);

      /* A window saves at most every half second; a short pause is enough
       * to let another writer take its turn. */
      g_usleep (g_random_int_range (500, 3000));
    }
}

static int
run_commands (const char *path)
{
  g_autoptr(NichiroStudyStore) store = nichiro_study_store_new (path);
  char line[4096];

  if (nichiro_study_store_get_recovery_message (store) != NULL)
    {
      g_printerr ("study-crash-writer: %s\n", nichiro_study_store_get_recovery_message (store));
      return 3;
    }

  while (fgets (line, sizeof line, stdin) != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) words = NULL;

      g_strchomp (line);
      words = g_strsplit (line, " ", 3);

      if (g_strcmp0 (words[0], "note") == 0 && words[1] != NULL && words[2] != NULL)
        {
          if (nichiro_study_store_set_note (store, DATASET_ID, words[1], words[2], &error))
            printf ("ok\n");
          else
            printf ("error %s\n", error->message);
        }
      else if (g_strcmp0 (words[0], "get") == 0 && words[1] != NULL)
        {
          const char *note = nichiro_study_store_get_note (store, DATASET_ID, words[1]);

          printf ("%s\n", note != NULL ? note : "(none)");
        }
      else if (g_strcmp0 (words[0], "flush") == 0 || g_strcmp0 (words[0], "quit") == 0)
        {
          if (nichiro_study_store_flush (store, &error))
            printf ("ok\n");
          else
            printf ("error %s\n", error->message);
          if (g_strcmp0 (words[0], "quit") == 0)
            {
              fflush (stdout);
              return 0;
            }
        }
      else
        {
          printf ("error unknown command: %s\n", line);
        }
      fflush (stdout);
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 2)
    return run_loop (argv[1], "entry");
  if (argc == 4 && g_str_equal (argv[1], "--prefix"))
    return run_loop (argv[3], argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "--commands"))
    return run_commands (argv[2]);

  g_printerr ("usage: study-crash-writer [--prefix PREFIX | --commands] PATH\n");
  return 2;
}
