package emulator

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// versionRow is a stored version with its sequence number, which orders an
// evaluator's versions and anchors the cursors of their list. A stored
// version is never changed: versions are append-only.
type versionRow struct {
	seq uint64
	v   EvaluatorVersion
}

// commitHash is a version's commit hash, 40 hex digits as Arize's example
// shows: the first 20 bytes of the SHA-256 of its id, which is unique, so
// the hash is too.
func commitHash(versionID string) string {
	sum := sha256.Sum256([]byte("evaluator-version:" + versionID))
	return hex.EncodeToString(sum[:20])
}

// addVersionLocked stores a new version of e with configuration c (already
// validated, defaults filled in), made at, and returns a copy. It becomes
// the latest version at once.
func (s *Server) addVersionLocked(e Evaluator, commitMessage string, c EvaluatorConfig, at time.Time) EvaluatorVersion {
	s.versionSeq++
	v := EvaluatorVersion{
		ID:              newID(typeEvaluatorVersion, s.versionSeq),
		EvaluatorID:     e.ID,
		CommitMessage:   commitMessage,
		CreatedAt:       at,
		CreatedByUserID: s.opts.UserID,
		Type:            e.Type,
		Config:          c.clone(),
	}
	v.CommitHash = commitHash(v.ID)
	s.evalVersions[v.ID] = &versionRow{seq: s.versionSeq, v: v}
	s.versionsOf[e.ID] = append(s.versionsOf[e.ID], v.ID)
	return v.clone()
}

// latestVersionLocked returns a copy of the newest version of an
// evaluator.
func (s *Server) latestVersionLocked(evaluatorID string) (EvaluatorVersion, bool) {
	ids := s.versionsOf[evaluatorID]
	if len(ids) == 0 {
		return EvaluatorVersion{}, false
	}
	return s.evalVersions[ids[len(ids)-1]].v.clone(), true
}

func evaluatorVersionNotFound(id string) *Problem {
	return notFound("evaluator version %q not found", id)
}

// appendVersion validates a configuration against the evaluator's type and
// stores it as its newest version, with the API's defaults (unless legacy:
// then it is stored as given, unchecked). The AI integration it names must
// exist (422). Appending moves the evaluator's updated_at forward.
func (s *Server) appendVersion(evaluatorID, commitMessage string, c EvaluatorConfig, legacy bool) (EvaluatorVersion, *Problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.evaluators.get(evaluatorID)
	if !ok {
		return EvaluatorVersion{}, evaluatorNotFound(evaluatorID)
	}
	if legacy {
		if (e.Type == evaluatorTemplate) != (c.Template != nil) || (e.Type == evaluatorCode) != (c.Code != nil) || (c.Template != nil && c.Code != nil) {
			return EvaluatorVersion{}, invalid("the configuration does not match type %s", e.Type)
		}
	} else {
		if p := validateConfig(e.Type, c, s.opts.Dialect, ""); p != nil {
			return EvaluatorVersion{}, p
		}
		c = c.clone().withDefaults()
		if p := integrationMissingLocked(s, c, ""); p != nil {
			return EvaluatorVersion{}, p
		}
	}
	now := laterThan(s.now(), e.UpdatedAt)
	e.UpdatedAt = now
	s.evaluators.set(e.ID, e)
	return s.addVersionLocked(e, commitMessage, c, now), nil
}

// version returns a copy of the version with this id.
func (s *Server) version(id string) (EvaluatorVersion, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	row, ok := s.evalVersions[id]
	if !ok {
		return EvaluatorVersion{}, false
	}
	return row.v.clone(), true
}

// versionPage returns up to limit versions of an evaluator older than
// sequence number before (0: from the newest), newest first, with the
// sequence number of the last one returned and whether more follow. New
// versions are newer than any cursor, so paging never skips or repeats one.
func (s *Server) versionPage(evaluatorID string, before uint64, limit int) (items []EvaluatorVersion, last uint64, more bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := s.versionsOf[evaluatorID]
	for i := len(ids) - 1; i >= 0; i-- {
		row := s.evalVersions[ids[i]]
		if before != 0 && row.seq >= before {
			continue
		}
		if len(items) == limit {
			return items, last, true
		}
		items = append(items, row.v.clone())
		last = row.seq
	}
	return items, last, false
}

// AppendEvaluatorVersion makes a new version of an evaluator as if made
// outside Terraform, with the validation of POST /v2/evaluators/{id}/versions
// (the configuration must match the evaluator's type, its AI integration
// must exist), and returns it: it is the latest at once, and the
// evaluator's updated_at moves forward. Enum values may be in either
// spelling; the API's defaults are filled in. The error is a *Problem with
// the status the HTTP call would have answered. It bypasses HTTP and is not
// counted.
func (s *Server) AppendEvaluatorVersion(evaluatorID, commitMessage string, config EvaluatorConfig) (EvaluatorVersion, error) {
	v, p := s.appendVersion(evaluatorID, commitMessage, config.clone().canonical(), false)
	if p != nil {
		return EvaluatorVersion{}, p
	}
	return v, nil
}

// AppendLegacyEvaluatorVersion is AppendEvaluatorVersion without the
// validation, the defaults and the integration check: the configuration is
// stored as given (it must still be the evaluator's kind), as a version
// made before today's rules reads. A TemplateConfig with a nil
// ClassificationChoices then reads as a legacy freeform evaluator's
// (classification_choices null), an empty DataGranularity as null, a nil
// UseStructuredOutput and an empty Direction as absent.
func (s *Server) AppendLegacyEvaluatorVersion(evaluatorID, commitMessage string, config EvaluatorConfig) (EvaluatorVersion, error) {
	v, p := s.appendVersion(evaluatorID, commitMessage, config.clone().canonical(), true)
	if p != nil {
		return EvaluatorVersion{}, p
	}
	return v, nil
}

// EvaluatorVersions returns the versions of an evaluator in creation order,
// oldest first (the API lists them newest first); nil for an unknown
// evaluator.
func (s *Server) EvaluatorVersions(evaluatorID string) []EvaluatorVersion {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []EvaluatorVersion
	for _, id := range s.versionsOf[evaluatorID] {
		out = append(out, s.evalVersions[id].v.clone())
	}
	return out
}

// EvaluatorVersion returns the stored version with this id.
func (s *Server) EvaluatorVersion(id string) (EvaluatorVersion, bool) { return s.version(id) }
