CREATE TABLE public.big (
    id integer NOT NULL,
    bb bigint DEFAULT '9223372036854775807'::bigint,
    nb numeric DEFAULT '123456789012345678'::bigint
);
CREATE SEQUENCE public.big_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER SEQUENCE public.big_id_seq OWNED BY public.big.id;
ALTER TABLE ONLY public.big ALTER COLUMN id SET DEFAULT nextval('public.big_id_seq'::regclass);
ALTER TABLE ONLY public.big
    ADD CONSTRAINT big_pkey PRIMARY KEY (id);
