CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';
CREATE TABLE public.search (
    id integer NOT NULL,
    name text,
    data jsonb,
    title text
);
CREATE SEQUENCE public.search_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.search_id_seq OWNED BY public.search.id;
ALTER TABLE ONLY public.search ALTER COLUMN id SET DEFAULT nextval('public.search_id_seq'::regclass);
ALTER TABLE ONLY public.search
    ADD CONSTRAINT search_pkey PRIMARY KEY (id);
CREATE INDEX search_data_path ON public.search USING gin (data jsonb_path_ops);
CREATE INDEX search_name_desc_ops ON public.search USING btree (name text_pattern_ops DESC NULLS LAST);
CREATE INDEX search_name_pattern ON public.search USING btree (name text_pattern_ops);
CREATE INDEX search_title_trgm ON public.search USING gin (title public.gin_trgm_ops);
