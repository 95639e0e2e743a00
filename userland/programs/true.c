/* true - do nothing, successfully (the smallest program to exec). */
int main(void)
{
	return 0;
}
