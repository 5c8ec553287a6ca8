package arize

import (
	"bytes"
	"encoding/json"
	"reflect"
)

// How two evaluator configurations compare: as the API keeps them, so that
// create and version recovery adopt what a try made, and the provider plans
// a version only for a real change.

// SameConfig reports whether two configurations are the same as the API
// keeps them, whatever their spelling: numbers as float32 (the API's type
// for scores and sampling parameters), JSON re-encoded, empty parts as
// absent, and the defaults the API fills in (use_structured_output true,
// direction MAXIMIZE, a TEMPLATE's data_granularity SPAN, the response
// format TEXT and not strict) as given.
func SameConfig(a, b EvaluatorConfig) bool {
	ja, errA := json.Marshal(a.canonical().withDefaults().normal())
	jb, errB := json.Marshal(b.canonical().withDefaults().normal())
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// normal is c with what the API does not keep, or keeps in
// another form, made alike: numbers as float32 (the API's type for scores
// and sampling parameters), JSON re-encoded (key order and formatting),
// empty strings, objects and lists as absent, and the defaults of the
// response format (TEXT, not strict) and of Bedrock's converse option
// (off) filled in.
func (c EvaluatorConfig) normal() EvaluatorConfig {
	if t := c.TemplateConfig; t != nil {
		n := *t
		if t.ClassificationChoices != nil {
			n.ClassificationChoices = make(map[string]float64, len(t.ClassificationChoices))
			for k, v := range t.ClassificationChoices {
				n.ClassificationChoices[k] = asFloat32(v)
			}
		}
		n.LLMConfig.InvocationParameters = t.LLMConfig.InvocationParameters.normal()
		n.LLMConfig.ProviderParameters = t.LLMConfig.ProviderParameters.WithoutEmpty()
		c.TemplateConfig = &n
	}
	if code := c.CodeConfig; code != nil {
		n := *code
		if code.Variables == nil {
			n.Variables = []string{}
		}
		n.Imports = nonEmpty(code.Imports)
		n.QueryFilter = nonEmpty(code.QueryFilter)
		if len(code.StaticParams) == 0 {
			n.StaticParams = nil
		}
		c.CodeConfig = &n
	}
	return c
}

// normal is p as compared: its floats as float32, its JSON
// re-encoded, the response format's defaults (TEXT, not strict) left out,
// and its empty parts absent.
func (p InvocationParameters) normal() InvocationParameters {
	p.Temperature = float32Ptr(p.Temperature)
	p.TopP = float32Ptr(p.TopP)
	p.FrequencyPenalty = float32Ptr(p.FrequencyPenalty)
	p.PresencePenalty = float32Ptr(p.PresencePenalty)
	if rf := p.ResponseFormat; rf != nil {
		n := *rf
		if js := rf.JSONSchema; js != nil {
			s := *js
			if s.Strict != nil && !*s.Strict {
				s.Strict = nil
			}
			n.JSONSchema = &s
		}
		if n.Type.Canonical() == ResponseFormatText {
			n.Type = ""
		}
		p.ResponseFormat = &n
	}
	return p.WithoutEmpty()
}

// WithoutEmpty is p with its JSON re-encoded and its empty parts
// ({}, [], JSON null) absent: the form a read turns into Terraform values,
// so that an empty part reads as null.
func (p InvocationParameters) WithoutEmpty() InvocationParameters {
	if len(p.Stop) == 0 {
		p.Stop = nil
	}
	if rf := p.ResponseFormat; rf != nil {
		n := *rf
		if js := rf.JSONSchema; js != nil {
			s := *js
			s.Schema = NormalJSON(js.Schema)
			n.JSONSchema = &s
			if reflect.ValueOf(s).IsZero() {
				n.JSONSchema = nil
			}
		}
		p.ResponseFormat = &n
		if reflect.ValueOf(n).IsZero() {
			p.ResponseFormat = nil
		}
	}
	if tc := p.ToolConfig; tc != nil {
		n := ToolConfig{ToolChoice: NormalJSON(tc.ToolChoice)}
		for _, tool := range tc.Tools {
			n.Tools = append(n.Tools, NormalJSON(tool))
		}
		p.ToolConfig = &n
		if len(n.Tools) == 0 && n.ToolChoice == nil {
			p.ToolConfig = nil
		}
	}
	return p
}

// WithoutEmpty is p with its empty parts absent, as a read has them.
func (p ProviderParameters) WithoutEmpty() ProviderParameters {
	if az := p.AzureParams; az != nil && reflect.ValueOf(*az).IsZero() {
		p.AzureParams = nil
	}
	if h := p.AnthropicHeaders; h != nil && len(h.AnthropicBeta) == 0 {
		p.AnthropicHeaders = nil
	}
	if b := p.BedrockOptions; b != nil && b.UseConverseEndpoint == nil {
		p.BedrockOptions = nil
	}
	return p
}

func asFloat32(f float64) float64 { return float64(float32(f)) }

func float32Ptr(f *float64) *float64 {
	if f == nil {
		return nil
	}
	v := asFloat32(*f)
	return &v
}

func nonEmpty(s *string) *string {
	if s == nil || *s == "" {
		return nil
	}
	return s
}

// NormalJSON is raw re-encoded with sorted keys and no spacing; nil when
// absent or null, raw itself when it does not parse.
func NormalJSON(raw json.RawMessage) json.RawMessage {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return nil
	}
	var v any
	if err := json.Unmarshal(trimmed, &v); err != nil {
		return raw
	}
	b, err := json.Marshal(v)
	if err != nil {
		return raw
	}
	return b
}
