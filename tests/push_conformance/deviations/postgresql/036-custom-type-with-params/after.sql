CREATE TABLE public.bits_table (
    id integer NOT NULL,
    bits bit varying(16)
);
CREATE SEQUENCE public.bits_table_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.bits_table_id_seq OWNED BY public.bits_table.id;
ALTER TABLE ONLY public.bits_table ALTER COLUMN id SET DEFAULT nextval('public.bits_table_id_seq'::regclass);
ALTER TABLE ONLY public.bits_table
    ADD CONSTRAINT bits_table_pkey PRIMARY KEY (id);
