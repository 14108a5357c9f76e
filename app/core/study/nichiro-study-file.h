/* nichiro-study-file.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <sys/types.h>

G_BEGIN_DECLS

/* The study file on disk, for the store: reading it, replacing it whole,
 * telling whether another process replaced it, and keeping other
 * Nichiros out while it is replaced. Not public API. */

/* How the file looked when the store last read or wrote it. */
typedef struct
{
  gboolean exists;
  dev_t dev;
  ino_t ino;
  goffset size;
  gint64 mtime_ns;
} NichiroStudyFileStamp;

/* What reading the study file found. */
typedef enum
{
  NICHIRO_STUDY_FILE_OK,
  NICHIRO_STUDY_FILE_MISSING,      /* no file: start afresh */
  NICHIRO_STUDY_FILE_UNREADABLE,   /* a file that may not be read: leave it alone */
  NICHIRO_STUDY_FILE_BROKEN,       /* not a study file: keep it aside */
  NICHIRO_STUDY_FILE_NEWER,        /* a study file from a newer Nichiro */
} NichiroStudyFileRead;

void                 nichiro_study_file_stamp              (const char                  *path,
                                                            NichiroStudyFileStamp       *stamp);
gboolean             nichiro_study_file_stamps_equal       (const NichiroStudyFileStamp *a,
                                                            const NichiroStudyFileStamp *b);
int                  nichiro_study_file_lock_folder        (const char                  *folder,
                                                            guint                        wait_ms);
void                 nichiro_study_file_unlock_folder      (int                          fd);
char                *nichiro_study_file_dup_text           (JsonNode                    *root,
                                                            gsize                       *out_length);
gboolean             nichiro_study_file_write              (const char                  *path,
                                                            const char                  *data,
                                                            gsize                        length,
                                                            NichiroStudyFileStamp       *out_stamp,
                                                            GError                     **error);
gboolean             nichiro_study_file_is_temporary       (const char                  *name,
                                                            const char                  *basename);
void                 nichiro_study_file_remove_temporaries (const char                  *target);
NichiroStudyFileRead nichiro_study_file_read               (const char                  *target,
                                                            JsonNode                   **out_root,
                                                            gint64                      *out_version,
                                                            char                       **out_reason);
char                *nichiro_study_file_move_aside         (const char                  *target,
                                                            GError                     **error);

G_END_DECLS
