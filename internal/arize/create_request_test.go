package arize

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestCreateRequestJSON checks unset optional fields are left out and set
// ones are sent, explicit false included.
func TestCreateRequestJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   CreateRequest
		want string
	}{
		{"minimal", CreateRequest{Name: "n", Provider: ProviderOpenAI}, `{"name":"n","provider":"OPEN_AI"}`},
		{
			"explicit false",
			CreateRequest{Name: "n", Provider: ProviderGemini, EnableDefaultModels: ptr(false), FunctionCallingEnabled: ptr(false)},
			`{"name":"n","provider":"GEMINI","enable_default_models":false,"function_calling_enabled":false}`,
		},
		{
			"everything",
			CreateRequest{
				Name: "n", Provider: ProviderAWSBedrock, APIKey: "k", BaseURL: "https://b", ModelNames: []string{"y", "x"},
				Headers: map[string]string{"H": "v"}, EnableDefaultModels: ptr(true), FunctionCallingEnabled: ptr(true),
				AuthType: AuthTypeProxyWithHeaders, ProviderMetadata: &ProviderMetadata{AWS: &AWSMetadata{RoleARN: "r"}},
				Scopings: []Scoping{{OrganizationID: ptr("o")}},
			},
			`{"name":"n","provider":"AWS_BEDROCK","api_key":"k","base_url":"https://b","model_names":["y","x"],` +
				`"headers":{"H":"v"},"enable_default_models":true,"function_calling_enabled":true,"auth_type":"PROXY_WITH_HEADERS",` +
				`"provider_metadata":{"kind":"AWS","role_arn":"r"},"scopings":[{"organization_id":"o","space_id":null}]}`,
		},
	}
	for _, tt := range tests {
		if got, err := json.Marshal(tt.in); err != nil || string(got) != tt.want {
			t.Errorf("%s:\n got %s %v\nwant %s", tt.name, got, err, tt.want)
		}
	}
}

// TestMadeAsComparesEveryField fails when a field is added to CreateRequest
// or to Integration and madeAs does not compare it: create recovery would
// then adopt a same-named integration that differs in that field. For each
// field it sets values other than the zero value, and wants at least one to
// change madeAs's verdict.
func TestMadeAsComparesEveryField(t *testing.T) {
	t.Parallel()
	in := CreateRequest{Name: "n", Provider: ProviderOpenAI}
	made := Integration{
		ID: "SUQ=", Name: "n", Provider: "openAI", FunctionCallingEnabled: true, AuthType: "default",
		Scopings: []Scoping{{}}, CreatedAt: fixedNowText, UpdatedAt: fixedNowText, CreatedByUserID: defaultUserID,
	}
	if !in.madeAs(&made) {
		t.Fatalf("madeAs: %s is not what %s makes", dump(made), dump(in))
	}

	// Fields that no value of can change the verdict, and why. (APIKey is
	// not one: it is compared as has_api_key, a key or none.)
	notCompared := map[reflect.Type]map[string]string{
		reflect.TypeFor[CreateRequest](): {},
		reflect.TypeFor[Integration](): {
			"ID":              "set by the server",
			"CreatedAt":       "set by the server",
			"UpdatedAt":       "set by the server",
			"CreatedByUserID": "set by the server, from the key",
		},
	}
	verdict := map[reflect.Type]func(v reflect.Value) bool{
		reflect.TypeFor[CreateRequest](): func(v reflect.Value) bool {
			changed := v.Interface().(CreateRequest)
			return changed.madeAs(&made)
		},
		reflect.TypeFor[Integration](): func(v reflect.Value) bool {
			changed := v.Interface().(Integration)
			return in.madeAs(&changed)
		},
	}
	start := map[reflect.Type]any{reflect.TypeFor[CreateRequest](): in, reflect.TypeFor[Integration](): made}
	for typ, skip := range notCompared {
		for name := range skip {
			if _, ok := typ.FieldByName(name); !ok {
				t.Errorf("%s has no field %s: take it off the list", typ.Name(), name)
			}
		}
		for i := range typ.NumField() {
			field := typ.Field(i)
			if _, ok := skip[field.Name]; ok || !field.IsExported() {
				continue
			}
			changes := false
			for _, sample := range samples(field.Type) {
				v := reflect.New(typ).Elem()
				v.Set(reflect.ValueOf(start[typ]))
				v.Field(i).Set(sample)
				if !verdict[typ](v) {
					changes = true
					break
				}
			}
			if !changes {
				t.Errorf("%s.%s: no value of it changes madeAs's verdict; compare it in madeAs "+
					"(or, if it cannot be compared, list it here with the reason)", typ.Name(), field.Name)
			}
		}
	}
}

// samples returns values of t other than its zero value: for a struct, one
// per exported field set; for a pointer, slice or map, one per sample of
// what it holds.
func samples(t reflect.Type) []reflect.Value {
	var out []reflect.Value
	switch t.Kind() {
	case reflect.String:
		out = append(out, reflect.ValueOf("x").Convert(t))
	case reflect.Bool:
		out = append(out, reflect.ValueOf(true).Convert(t), reflect.ValueOf(false).Convert(t))
	case reflect.Int, reflect.Int64:
		out = append(out, reflect.ValueOf(1).Convert(t))
	case reflect.Pointer:
		for _, s := range samples(t.Elem()) {
			p := reflect.New(t.Elem())
			p.Elem().Set(s)
			out = append(out, p)
		}
	case reflect.Slice:
		for _, s := range samples(t.Elem()) {
			out = append(out, reflect.Append(reflect.MakeSlice(t, 0, 1), s))
		}
	case reflect.Map:
		for _, v := range samples(t.Elem()) {
			m := reflect.MakeMap(t)
			m.SetMapIndex(samples(t.Key())[0], v)
			out = append(out, m)
		}
	case reflect.Struct:
		for i := range t.NumField() {
			if !t.Field(i).IsExported() {
				continue
			}
			for _, s := range samples(t.Field(i).Type) {
				v := reflect.New(t).Elem()
				v.Field(i).Set(s)
				out = append(out, v)
			}
		}
	default:
		panic("samples: add a case for " + t.String())
	}
	return out
}

// TestMadeAsReadsTheAPIsRules: a create that leaves a setting out, or sends
// the API's default for it, makes an integration with the default, answered
// in any spelling; and every form of account-wide scopings is one.
func TestMadeAsReadsTheAPIsRules(t *testing.T) {
	t.Parallel()
	requests := map[string]CreateRequest{
		"defaults left out": {Name: "n", Provider: ProviderOpenAI},
		"defaults sent": {
			Name: "n", Provider: ProviderOpenAI, EnableDefaultModels: ptr(DefaultEnableDefaultModels),
			FunctionCallingEnabled: ptr(DefaultFunctionCallingEnabled), AuthType: DefaultAuthType, Scopings: []Scoping{},
		},
		"published spelling, [{}]": {Name: "n", Provider: "openAI", AuthType: "default", Scopings: []Scoping{{}}},
		"explicit nulls":           {Name: "n", Provider: ProviderOpenAI, Scopings: []Scoping{{OrganizationID: nil, SpaceID: nil}}},
	}
	scopings := map[string]string{"[{}]": `[{}]`, "explicit nulls": `[{"organization_id":null,"space_id":null}]`, "[]": `[]`, "null": `null`}
	for reqName, in := range requests {
		for form, raw := range scopings {
			for _, auth := range []AuthType{AuthTypeDefault, "default"} {
				got := Integration{Name: "n", Provider: ProviderOpenAI, FunctionCallingEnabled: true, AuthType: auth}
				if err := json.Unmarshal([]byte(raw), &got.Scopings); err != nil {
					t.Fatal(err)
				}
				if !in.madeAs(&got) {
					t.Errorf("%s: not made as an answer with scopings %s and auth_type %s", reqName, form, auth)
				}
			}
		}
	}
	// Settings that are not the defaults are not made as the defaults.
	got := Integration{Name: "n", Provider: ProviderOpenAI, FunctionCallingEnabled: true, AuthType: AuthTypeDefault}
	for name, in := range map[string]CreateRequest{
		"enable_default_models":    {Name: "n", Provider: ProviderOpenAI, EnableDefaultModels: ptr(true)},
		"function_calling_enabled": {Name: "n", Provider: ProviderOpenAI, FunctionCallingEnabled: ptr(false)},
		"auth_type":                {Name: "n", Provider: ProviderOpenAI, AuthType: AuthTypeBearerToken},
		"scopings":                 {Name: "n", Provider: ProviderOpenAI, Scopings: []Scoping{{}, {OrganizationID: ptr("o")}}},
	} {
		if in.madeAs(&got) {
			t.Errorf("%s: a request that sets it is made as the default", name)
		}
	}
}

func TestAccountWide(t *testing.T) {
	t.Parallel()
	for raw, want := range map[string]bool{
		`null`: true, `[]`: true, `[{}]`: true, `[{"organization_id":null,"space_id":null}]`: true, `[{},{}]`: true,
		`[{"organization_id":"o"}]`:                   false,
		`[{},{"organization_id":"o","space_id":"s"}]`: false,
		`[{"organization_id":null,"space_id":"s"}]`:   false,
	} {
		var s []Scoping
		if err := json.Unmarshal([]byte(raw), &s); err != nil {
			t.Fatal(err)
		}
		if got := AccountWide(s); got != want {
			t.Errorf("AccountWide(%s) = %v, want %v", raw, got, want)
		}
	}
}
